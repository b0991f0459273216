using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Introductions;

/// <summary>A member who answers a request, with the score that ranked them and what of theirs matched (quoted when they are asked).</summary>
public sealed record AskMatch(MemberId Member, float Score, string? Offer);
