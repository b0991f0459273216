namespace NetworkBot.Core.Pairing;

/// <summary>Everything one round of pairing depends on; the same request always gives the same groups.</summary>
/// <param name="GroupSize">Members per group, 2 to 8; some groups get one extra member when the count does not divide.</param>
/// <param name="Seed">Drives every random choice, so a logged seed reproduces the round.</param>
/// <param name="Mode">What to prefer beyond avoiding repeats.</param>
/// <param name="CooldownRounds">How many of the latest history rounds a pair should not meet again in.</param>
/// <param name="Members">The members of this round.</param>
/// <param name="History">Past rounds, oldest first.</param>
public sealed record PairingRequest(
    int GroupSize,
    long Seed,
    PairingMode Mode,
    int CooldownRounds,
    IReadOnlyList<PairingMember> Members,
    IPairingHistory History)
{
    /// <summary>A request whose history is the rounds as the scheduler keeps them, by member id.</summary>
    public PairingRequest(
        int groupSize,
        long seed,
        PairingMode mode,
        int cooldownRounds,
        IReadOnlyList<PairingMember> members,
        IReadOnlyList<PairingHistoryRound> history)
        : this(groupSize, seed, mode, cooldownRounds, members, new PairingHistory(history))
    {
    }

    /// <summary>
    /// A fixed Monday noon UTC, so a request that names no time still gives the same groups everywhere; callers
    /// pass the round's own time so working hours follow daylight saving.
    /// </summary>
    public static readonly DateTimeOffset DefaultReferenceTime = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>In cross-industry mode, keep members of the same known industry apart unless no grouping can.</summary>
    public bool SameIndustryBan { get; init; }

    /// <summary>The moment whose UTC offsets decide working-hours overlap.</summary>
    public DateTimeOffset ReferenceTime { get; init; } = DefaultReferenceTime;
}
