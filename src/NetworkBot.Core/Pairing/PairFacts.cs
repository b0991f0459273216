namespace NetworkBot.Core.Pairing;

/// <summary>What is known about two members of a round beyond their profiles: a block and their shared past.</summary>
/// <remarks>16 bytes: a large round keeps one for each side of every pair that has met.</remarks>
internal struct PairFacts
{
    /// <summary>The cooldown and repeat penalties of the pair, already weighted by recency (see <see cref="PairWeights"/>).</summary>
    public long HistoryPenalty { get; set; }

    /// <summary>History rounds in which the two shared a group.</summary>
    public int SharedRounds { get; set; }

    /// <summary>Whether one of those rounds is within the cooldown.</summary>
    public bool MetInCooldown { get; set; }

    public bool Blocked { get; set; }
}
