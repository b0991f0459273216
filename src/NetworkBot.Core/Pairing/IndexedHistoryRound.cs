namespace NetworkBot.Core.Pairing;

/// <summary>
/// The groups of one past round as indices into the members of the round being paired: group <c>g</c> is
/// <c>entries[groupStarts[g]..groupStarts[g + 1]]</c>, and an entry below zero is someone outside the round. A large
/// history is millions of ids; held this way a round is two arrays, not one per group.
/// </summary>
public sealed class IndexedHistoryRound
{
    private readonly int[] entries;
    private readonly int[] groupStarts;

    /// <param name="entries">The members of every group, one group after another.</param>
    /// <param name="groupStarts">Where each group starts in <paramref name="entries"/>, then where the last one ends.</param>
    public IndexedHistoryRound(int[] entries, int[] groupStarts)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(groupStarts);
        ArgumentOutOfRangeException.ThrowIfZero(groupStarts.Length);
        (this.entries, this.groupStarts) = (entries, groupStarts);
    }

    public static IndexedHistoryRound Empty { get; } = new([], [0]);

    public int GroupCount => groupStarts.Length - 1;

    public ReadOnlySpan<int> Group(int group) =>
        entries.AsSpan(groupStarts[group], groupStarts[group + 1] - groupStarts[group]);
}
