using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Pairs rounds too large for the exact matching: each member weighs a few dozen candidates (random ones plus
/// ones drawn from <see cref="PairingProblem.AffinityPools"/>) and keeps the best; a greedy matching over those
/// edges, heaviest first, then swaps partners between two pairs while the total rises. Near-linear in N.
/// </summary>
internal sealed class SparsePairing(PairingProblem problem, SeededRandom random)
{
    private const int RandomCandidates = 12;
    private const int PooledCandidates = 12;
    private const int KeptCandidates = 10;
    private const int MaxPasses = 3;

    /// <summary>Singles left by the greedy pass look this far for a partner before scanning all of them.</summary>
    private const int SingleLookahead = 64;

    private int[][] _candidates = [];
    private long[][] _candidateWeights = [];
    private int[] _mate = [];

    /// <summary>Each pair's weight, stored on both members, so a swap is priced with one fresh weight.</summary>
    private long[] _pairWeight = [];

    /// <summary><c>mate[v]</c> for each member, -1 for the one left over on an odd count; null when blocks defeat it.</summary>
    public int[]? Match()
    {
        var count = problem.Count;
        ChooseCandidates();
        _mate = new int[count];
        Array.Fill(_mate, -1);
        _pairWeight = new long[count];
        MatchGreedily();
        if (!MatchTheRest())
        {
            return null;
        }

        ImproveBySwaps();
        return _mate;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ChooseCandidates()
    {
        var count = problem.Count;
        _candidates = new int[count][];
        _candidateWeights = new long[count][];
        // seenBy[other] == member + 1 once other has been considered for member: no set to clear per member.
        var seenBy = new int[count];
        var scored = new List<(long Weight, int Member)>();
        for (var member = 0; member < count; member++)
        {
            scored.Clear();
            void Consider(int other)
            {
                if (other == member || seenBy[other] == member + 1)
                {
                    return;
                }

                seenBy[other] = member + 1;
                if (problem.Weight(member, other) is var weight && weight != PairWeights.Blocked)
                {
                    scored.Add((weight, other));
                }
            }

            for (var i = 0; i < RandomCandidates; i++)
            {
                Consider(random.Next(count));
            }

            var pools = problem.AffinityPools(member).ToArray();
            for (var i = 0; i < PooledCandidates && pools.Length > 0; i++)
            {
                var pool = pools[i % pools.Length];
                Consider(pool[random.Next(pool.Length)]);
            }

            CollectionsMarshal.AsSpan(scored).Sort(default(HeaviestFirst));
            var kept = scored.Take(KeptCandidates).ToArray();
            _candidates[member] = kept.Select(candidate => candidate.Member).ToArray();
            _candidateWeights[member] = kept.Select(candidate => candidate.Weight).ToArray();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MatchGreedily()
    {
        var edges = new List<WeightedEdge>(problem.Count * KeptCandidates);
        for (var member = 0; member < problem.Count; member++)
        {
            for (var i = 0; i < _candidates[member].Length; i++)
            {
                edges.Add(new WeightedEdge(member, _candidates[member][i], _candidateWeights[member][i]));
            }
        }

        CollectionsMarshal.AsSpan(edges).Sort(default(HeaviestFirst));
        foreach (var edge in edges)
        {
            if (_mate[edge.First] < 0 && _mate[edge.Second] < 0)
            {
                Pair(edge.First, edge.Second, edge.Weight);
            }
        }
    }

    /// <summary>Pairs whoever the greedy pass left single, each with the best single partner that is not blocked.</summary>
    private bool MatchTheRest()
    {
        var single = Enumerable.Range(0, problem.Count).Where(member => _mate[member] < 0).ToList();
        while (single.Count > 1)
        {
            var member = single[0];
            var (best, bestWeight) = BestSingle(member, single, Math.Min(single.Count, SingleLookahead + 1));
            if (best < 0)
            {
                (best, bestWeight) = BestSingle(member, single, single.Count);
            }

            if (best < 0)
            {
                return false;
            }

            Pair(member, best, bestWeight);
            single.Remove(member);
            single.Remove(best);
        }

        return true;
    }

    private (int Best, long Weight) BestSingle(int member, List<int> single, int end)
    {
        var (best, bestWeight) = (-1, long.MinValue);
        for (var i = 1; i < end; i++)
        {
            if (!problem.AreBlocked(member, single[i]) && problem.Weight(member, single[i]) is var weight && weight > bestWeight)
            {
                (best, bestWeight) = (single[i], weight);
            }
        }

        return (best, bestWeight);
    }

    /// <summary>For a pair (a, b) and a candidate c of a paired with d: (a, c) and (b, d) instead, when heavier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ImproveBySwaps()
    {
        var order = Enumerable.Range(0, problem.Count).ToArray();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var improved = false;
            random.Shuffle(order);
            foreach (var a in order)
            {
                var b = _mate[a];
                if (b < 0)
                {
                    continue;
                }

                for (var i = 0; i < _candidates[a].Length; i++)
                {
                    var c = _candidates[a][i];
                    var d = _mate[c];
                    if (c == b || d < 0)
                    {
                        continue;
                    }

                    var bWithD = problem.Weight(b, d);
                    if (bWithD != PairWeights.Blocked && _candidateWeights[a][i] + bWithD > _pairWeight[a] + _pairWeight[c])
                    {
                        Pair(a, c, _candidateWeights[a][i]);
                        Pair(b, d, bWithD);
                        improved = true;
                        break;
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }
    }

    private void Pair(int a, int b, long weight)
    {
        (_mate[a], _mate[b]) = (b, a);
        _pairWeight[a] = _pairWeight[b] = weight;
    }
}
