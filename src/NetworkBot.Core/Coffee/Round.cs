using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// One coffee round: who was grouped with whom is in its <see cref="Group"/>s. The phase times record what the
/// lifecycle already did (nudge, check-in, second check-in, close), so each happens once.
/// </summary>
public sealed record Round(
    CommunityId Community,
    RoundId Id,
    DateTimeOffset StartedAt,
    int GroupSize,
    PairingMode Mode,
    long Seed)
{
    /// <summary>When the round is over (the next scheduled round, or a week after a run-now); null for rounds without a lifecycle (the demo).</summary>
    public DateTimeOffset? EndsAt { get; init; }

    public DateTimeOffset? NudgedAt { get; init; }

    public DateTimeOffset? CheckInAt { get; init; }

    public DateTimeOffset? ReaskedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The stored row's version as read (0 when new); a phase write succeeds only while it is current.</summary>
    public int Version { get; init; }
}
