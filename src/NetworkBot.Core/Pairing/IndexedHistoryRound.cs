using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// The groups of one past round as indices into the members of the round being paired: group <c>g</c> is
/// <c>entries[groupStarts[g]..groupStarts[g + 1]]</c>, and an entry below zero is someone outside the round. A large
/// history is millions of ids; held this way a round is two arrays, not one per group.
/// </summary>
/// <remarks>
/// A round's groups nearly all have one size (pairs, with a trio for an odd count): then only the groups of another
/// size are kept with their starts, and the others' starts follow from them. That is 200 KB less per round of
/// 100,000 members, which a large request holds for the whole run.
/// </remarks>
public sealed class IndexedHistoryRound
{
    private readonly int[] entries;

    /// <summary>Every group's start and the last one's end, or null when the groups are <see cref="commonSize"/> but for the odd ones.</summary>
    private readonly int[]? groupStarts;

    private readonly int commonSize;

    /// <summary>The groups whose size is not <see cref="commonSize"/>, ascending, with where each starts and ends.</summary>
    private readonly int[] oddGroups = [];

    private readonly int[] oddStarts = [];
    private readonly int[] oddEnds = [];

    /// <param name="entries">The members of every group, one group after another.</param>
    /// <param name="groupStarts">Where each group starts in <paramref name="entries"/>, then where the last one ends.</param>
    public IndexedHistoryRound(int[] entries, int[] groupStarts)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(groupStarts);
        ArgumentOutOfRangeException.ThrowIfZero(groupStarts.Length);
        this.entries = entries;
        GroupCount = groupStarts.Length - 1;
        commonSize = MostCommonSize(groupStarts);
        var odd = 0;
        for (var g = 0; g < GroupCount; g++)
        {
            odd += groupStarts[g + 1] - groupStarts[g] == commonSize ? 0 : 1;
        }

        // Each odd group costs three numbers instead of one: worth it only while they are few.
        if (odd * 8 > GroupCount)
        {
            this.groupStarts = groupStarts;
            return;
        }

        (oddGroups, oddStarts, oddEnds) = (new int[odd], new int[odd], new int[odd]);
        odd = 0;
        for (var g = 0; g < GroupCount; g++)
        {
            if (groupStarts[g + 1] - groupStarts[g] != commonSize)
            {
                (oddGroups[odd], oddStarts[odd], oddEnds[odd]) = (g, groupStarts[g], groupStarts[g + 1]);
                odd++;
            }
        }
    }

    public static IndexedHistoryRound Empty { get; } = new([], [0]);

    public int GroupCount { get; }

    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<int> Group(int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, GroupCount);
        if (groupStarts is not null)
        {
            return entries.AsSpan(groupStarts[group], groupStarts[group + 1] - groupStarts[group]);
        }

        var odd = Array.BinarySearch(oddGroups, group);
        if (odd >= 0)
        {
            return entries.AsSpan(oddStarts[odd], oddEnds[odd] - oddStarts[odd]);
        }

        // Counted on from the end of the last odd group before it, or from the start.
        var before = ~odd - 1;
        var start = before < 0 ? group * commonSize : oddEnds[before] + ((group - oddGroups[before] - 1) * commonSize);
        return entries.AsSpan(start, commonSize);
    }

    /// <summary>The size most groups have, if one size has more than half of them (Boyer–Moore majority vote); else any size.</summary>
    private static int MostCommonSize(int[] groupStarts)
    {
        var (size, votes) = (0, 0);
        for (var g = 0; g + 1 < groupStarts.Length; g++)
        {
            var length = groupStarts[g + 1] - groupStarts[g];
            if (votes == 0)
            {
                size = length;
            }

            votes += length == size ? 1 : -1;
        }

        return size;
    }
}
