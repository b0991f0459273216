using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Events;

/// <summary>What an answer became (<see cref="RsvpStatus.Waitlisted"/> when the event was full) and who moved up from the waitlist.</summary>
public sealed record RsvpOutcome(RsvpStatus Status, IReadOnlyList<MemberId> Promoted);
