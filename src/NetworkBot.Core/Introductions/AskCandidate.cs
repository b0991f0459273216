using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// A member the bot may introduce to the asker, in the order they are asked. <paramref name="Offer"/> is what of theirs
/// answered the request (one of their offers, or their role, industry or an interest), quoted when they are asked: as
/// an offer only when it is one, else as what their introduction mentions.
/// </summary>
public sealed record AskCandidate(MemberId Member, string? Offer, CandidateStatus Status, DateTimeOffset? AskedAt, DateTimeOffset? AnsweredAt);
