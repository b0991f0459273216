namespace NetworkBot.Core.Pairing;

/// <summary>What is known about two members of a round beyond their profiles: a block and their shared past.</summary>
/// <remarks>
/// One long: a large round keeps one for each side of every pair that has met, 2.6 million at 100,000 members
/// with 26 rounds, and <see cref="PairFactsTable"/> stores them in the very array it sorted the sightings in. The
/// penalty takes the low 48 bits (it is capped at <see cref="PairWeights.PenaltyCap"/>, below 2^44), the flags
/// the bits above.
/// </remarks>
internal readonly struct PairFacts
{
    private const long PenaltyMask = (1L << 48) - 1;
    private const long MetFlag = 1L << 48;
    private const long CooldownFlag = 1L << 49;
    private const long BlockedFlag = 1L << 50;

    private PairFacts(long bits)
    {
        Bits = bits;
    }

    /// <summary>The facts as one number, to be stored and given back to <see cref="FromBits"/>.</summary>
    public long Bits { get; }

    /// <summary>The cooldown and repeat penalties of the pair, already weighted by recency (see <see cref="PairWeights"/>).</summary>
    public long HistoryPenalty => Bits & PenaltyMask;

    /// <summary>Whether the two shared a group in any history round.</summary>
    public bool HaveMet => (Bits & MetFlag) != 0;

    /// <summary>Whether one of those rounds is within the cooldown.</summary>
    public bool MetInCooldown => (Bits & CooldownFlag) != 0;

    public bool Blocked => (Bits & BlockedFlag) != 0;

    public static PairFacts FromBits(long bits) => new(bits);

    public PairFacts WithBlock() => new(Bits | BlockedFlag);

    /// <summary>These facts and one more round shared, costing <paramref name="penalty"/>; the total stays within the cap.</summary>
    public PairFacts WithMeeting(long penalty, bool inCooldown) =>
        new((Bits & ~PenaltyMask) | Math.Min(PairWeights.PenaltyCap, HistoryPenalty + penalty) | MetFlag | (inCooldown ? CooldownFlag : 0));
}
