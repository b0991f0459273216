namespace NetworkBot.Core.Pairing;

/// <summary>What is known about two members of a round beyond their profiles: a block and their shared past.</summary>
internal struct PairFacts
{
    public bool Blocked { get; set; }

    /// <summary>History rounds in which the two shared a group.</summary>
    public int SharedRounds { get; set; }

    /// <summary>Of those, the rounds within the cooldown.</summary>
    public int SharedRoundsInCooldown { get; set; }

    /// <summary>The cooldown and repeat penalties of the pair, already weighted by recency (see <see cref="PairWeights"/>).</summary>
    public long HistoryPenalty { get; set; }
}
