namespace NetworkBot.Core.Pairing;

/// <summary>
/// Local search over groupings of a fixed shape: start from a seeded shuffle, swap two members of different
/// groups while the total cost drops, restart from fresh shuffles and keep the cheapest result.
/// </summary>
/// <remarks>
/// Swaps keep every group's size, and groups have no identity, so which group ends up with the extra member
/// is decided by cost alone. A member whose cost is a block or a cooldown gets an exhaustive scan for the best
/// swap; cheaper costs get a sample of candidates, which keeps 10,000 members within a few seconds.
/// </remarks>
internal sealed class GroupingSearch(PairingProblem problem, SeededRandom random)
{
    private const int SampledCandidates = 24;
    private const int MaxPasses = 40;
    private const int MaxRestarts = 8;

    /// <summary>Restarts shrink as rounds grow, so small rounds are searched hard and large ones stay fast.</summary>
    private const int RestartMemberBudget = 16_000;

    private readonly int[] _groupOf = new int[problem.Count];

    /// <summary>Each member's cost with their current group, kept up to date so a swap is priced in O(size).</summary>
    private readonly long[] _own = new long[problem.Count];
    private int[][] _groups = [];

    /// <summary>The cheapest grouping found into ⌊N/size⌋ groups, N mod size of them one larger.</summary>
    public int[][] FindBest(int groupSize)
    {
        var restarts = Math.Clamp(RestartMemberBudget / problem.Count, 1, MaxRestarts);
        int[][] best = [];
        var bestCost = long.MaxValue;
        for (var restart = 0; restart < restarts && bestCost > 0; restart++)
        {
            Start(groupSize);
            Improve();
            var cost = TotalCost();
            if (cost < bestCost)
            {
                bestCost = cost;
                best = _groups.Select(group => (int[])group.Clone()).ToArray();
            }
        }

        return best;
    }

    private void Start(int groupSize)
    {
        var order = Enumerable.Range(0, problem.Count).ToArray();
        random.Shuffle(order);
        var groupCount = problem.Count / groupSize;
        var larger = problem.Count % groupSize;
        _groups = new int[groupCount][];
        var next = 0;
        for (var g = 0; g < groupCount; g++)
        {
            var size = g < larger ? groupSize + 1 : groupSize;
            _groups[g] = order[next..(next + size)];
            next += size;
            foreach (var member in _groups[g])
            {
                _groupOf[member] = g;
            }
        }

        foreach (var group in _groups)
        {
            UpdateOwnCosts(group);
        }
    }

    private void Improve()
    {
        var order = Enumerable.Range(0, problem.Count).ToArray();
        var improved = true;
        for (var pass = 0; pass < MaxPasses && improved; pass++)
        {
            improved = false;
            random.Shuffle(order);
            foreach (var member in order)
            {
                var own = _own[member];
                if (own == 0)
                {
                    continue;
                }

                if (TrySampledSwap(member) || (own >= PairingProblem.CooldownCost && TryBestSwap(member)))
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
            if (_groupOf[other] != _groupOf[member] && SwapDelta(member, other) < 0)
            {
                Swap(member, other);
                return true;
            }
        }

        return false;
    }

    private bool TryBestSwap(int member)
    {
        var (bestOther, bestDelta) = (-1, 0L);
        var offset = random.Next(problem.Count);
        for (var step = 0; step < problem.Count; step++)
        {
            var other = (offset + step) % problem.Count;
            if (_groupOf[other] == _groupOf[member])
            {
                continue;
            }

            var delta = SwapDelta(member, other);
            if (delta < bestDelta)
            {
                (bestOther, bestDelta) = (other, delta);
            }
        }

        if (bestOther < 0)
        {
            return false;
        }

        Swap(member, bestOther);
        return true;
    }

    /// <summary>How the total cost changes if the two members trade groups; negative is better.</summary>
    private long SwapDelta(int member, int other) =>
        CostIn(other, _groupOf[member], member) + CostIn(member, _groupOf[other], other) - _own[member] - _own[other];

    /// <summary>The cost of <paramref name="member"/> with everyone in a group but <paramref name="leaving"/>.</summary>
    private long CostIn(int member, int group, int leaving)
    {
        var cost = 0L;
        foreach (var mate in _groups[group])
        {
            if (mate != leaving && mate != member)
            {
                cost += problem.PairCost(member, mate);
            }
        }

        return cost;
    }

    private void Swap(int member, int other)
    {
        var (memberGroup, otherGroup) = (_groupOf[member], _groupOf[other]);
        _groups[memberGroup][Array.IndexOf(_groups[memberGroup], member)] = other;
        _groups[otherGroup][Array.IndexOf(_groups[otherGroup], other)] = member;
        (_groupOf[member], _groupOf[other]) = (otherGroup, memberGroup);
        UpdateOwnCosts(_groups[memberGroup]);
        UpdateOwnCosts(_groups[otherGroup]);
    }

    private void UpdateOwnCosts(int[] group)
    {
        foreach (var member in group)
        {
            _own[member] = CostIn(member, _groupOf[member], member);
        }
    }

    /// <summary>Every pair is counted from both sides in the members' own costs.</summary>
    private long TotalCost() => _own.Sum() / 2;
}
