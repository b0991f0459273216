using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Local search over groupings of a fixed shape: from a given grouping (and, for small rounds, from seeded
/// shuffles too), swap two members of different groups while the total weight rises; keep the heaviest result.
/// </summary>
/// <remarks>
/// Swaps keep every group's size, and groups have no identity, so which group ends up with the extra member
/// is decided by weight alone. A member held down by a hard penalty (block, cooldown, industry ban) gets an
/// exhaustive scan for the best swap; others get a sample of candidates, which keeps large rounds fast.
/// </remarks>
internal sealed class GroupingSearch(PairingProblem problem, SeededRandom random)
{
    private const int SampledCandidates = 24;
    private const int MaxPasses = 40;
    private const int MaxRestarts = 4;

    /// <summary>Restarts and passes shrink as rounds grow, so small rounds are searched hard and large ones stay fast.</summary>
    private const int RestartMemberBudget = 16_000;

    private const int PassMemberBudget = 2_000_000;

    /// <summary>Below this a member's weight with their group includes a hard penalty worth an exhaustive scan.</summary>
    private const long HardPenalty = -PairWeights.SameIndustryBan / 2;

    private readonly int[] groupOf = new int[problem.Count];

    /// <summary>Each member's weight with their current group, kept up to date so a swap is priced in O(size).</summary>
    private readonly long[] ownWeight = new long[problem.Count];
    private int[][] grouping = [];

    /// <summary>
    /// The heaviest grouping found into ⌊N/size⌋ groups, N mod size of them one larger: <paramref name="start"/>
    /// improved, then fresh shuffles improved while the round is small enough to afford them.
    /// </summary>
    public int[][] FindBest(int groupSize, int[][]? start)
    {
        var restarts = Math.Clamp(RestartMemberBudget / problem.Count, 1, MaxRestarts);
        int[][] best = [];
        var bestWeight = long.MinValue;
        for (var restart = 0; restart < restarts; restart++)
        {
            Start(restart == 0 && start is not null ? start : Shuffled(groupSize));
            Improve();
            var weight = TotalWeight();
            if (weight > bestWeight)
            {
                bestWeight = weight;
                best = grouping.Select(group => (int[])group.Clone()).ToArray();
            }
        }

        return best;
    }

    /// <summary>Only swaps that involve <paramref name="members"/>, each member scanned exhaustively.</summary>
    public int[][] ImproveAround(int[][] start, IReadOnlyList<int> members)
    {
        Start(start);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var improved = false;
            foreach (var group in members.Select(member => groupOf[member]).Distinct().ToArray())
            {
                foreach (var member in grouping[group].ToArray())
                {
                    improved |= TryBestSwap(member);
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return grouping;
    }

    private int[][] Shuffled(int groupSize)
    {
        var order = Enumerable.Range(0, problem.Count).ToArray();
        random.Shuffle(order);
        return PairingShape.Cut(order, groupSize);
    }

    private void Start(int[][] groups)
    {
        grouping = groups.Select(group => (int[])group.Clone()).ToArray();
        for (var g = 0; g < grouping.Length; g++)
        {
            foreach (var member in grouping[g])
            {
                groupOf[member] = g;
            }
        }

        foreach (var group in grouping)
        {
            UpdateOwnWeights(group);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Improve()
    {
        var order = Enumerable.Range(0, problem.Count).ToArray();
        var passes = Math.Clamp(PassMemberBudget / problem.Count, 2, MaxPasses);
        var improved = true;
        for (var pass = 0; pass < passes && improved; pass++)
        {
            improved = false;
            random.Shuffle(order);
            foreach (var member in order)
            {
                if (TrySampledSwap(member) || (ownWeight[member] < HardPenalty && TryBestSwap(member)))
                {
                    improved = true;
                }
            }
        }
    }

    private bool TrySampledSwap(int member)
    {
        for (var attempt = 0; attempt < SampledCandidates; attempt++)
        {
            var other = random.Next(problem.Count);
            if (groupOf[other] != groupOf[member] && SwapGain(member, other) > 0)
            {
                Swap(member, other);
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryBestSwap(int member)
    {
        var (bestOther, bestGain) = (-1, 0L);
        var offset = random.Next(problem.Count);
        for (var step = 0; step < problem.Count; step++)
        {
            var other = (offset + step) % problem.Count;
            if (groupOf[other] == groupOf[member])
            {
                continue;
            }

            var gain = SwapGain(member, other);
            if (gain > bestGain)
            {
                (bestOther, bestGain) = (other, gain);
            }
        }

        if (bestOther < 0)
        {
            return false;
        }

        Swap(member, bestOther);
        return true;
    }

    /// <summary>How the total weight changes if the two members trade groups; positive is better.</summary>
    private long SwapGain(int member, int other) =>
        WeightIn(other, groupOf[member], member) + WeightIn(member, groupOf[other], other) - ownWeight[member] - ownWeight[other];

    /// <summary>The weight of <paramref name="member"/> with everyone in a group but <paramref name="leaving"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long WeightIn(int member, int group, int leaving)
    {
        var weight = 0L;
        foreach (var mate in grouping[group])
        {
            if (mate != leaving && mate != member)
            {
                weight += problem.Weight(member, mate);
            }
        }

        return weight;
    }

    private void Swap(int member, int other)
    {
        var (memberGroup, otherGroup) = (groupOf[member], groupOf[other]);
        grouping[memberGroup][Array.IndexOf(grouping[memberGroup], member)] = other;
        grouping[otherGroup][Array.IndexOf(grouping[otherGroup], other)] = member;
        (groupOf[member], groupOf[other]) = (otherGroup, memberGroup);
        UpdateOwnWeights(grouping[memberGroup]);
        UpdateOwnWeights(grouping[otherGroup]);
    }

    private void UpdateOwnWeights(int[] group)
    {
        foreach (var member in group)
        {
            ownWeight[member] = WeightIn(member, groupOf[member], member);
        }
    }

    /// <summary>Every pair is counted from both sides in the members' own weights.</summary>
    private long TotalWeight()
    {
        // Unchecked on purpose: only groupings full of blocked pairs come near the range, and they lose anyway.
        var total = 0L;
        foreach (var own in ownWeight)
        {
            total = unchecked(total + own);
        }

        return total / 2;
    }
}
