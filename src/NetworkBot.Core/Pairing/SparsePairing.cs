using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Pairs rounds too large for the exact matching: each member weighs a few dozen candidates (random ones plus
/// ones drawn from <see cref="PairingProblem.AddAffinityPools"/>) and keeps the best; a greedy matching over those
/// edges, heaviest first, then swaps partners between two pairs while the total rises. Near-linear in N.
/// </summary>
internal sealed class SparsePairing(PairingProblem problem, SeededRandom random)
{
    private const int RandomCandidates = 12;
    private const int PooledCandidates = 12;
    private const int KeptCandidates = 10;
    private const int MaxPasses = 10;

    /// <summary>The weight of a slot no candidate fills: below every real weight, so such slots sort after them.</summary>
    private const long Unused = long.MinValue;

    /// <summary>Members handed to a thread at a time while candidates are chosen.</summary>
    private const int CandidateChunk = 2048;

    /// <summary>Singles left by the greedy pass look this far for a partner before scanning all of them.</summary>
    private const int SingleLookahead = 64;

    /// <summary>Member <c>m</c>'s candidates, heaviest first, are <c>candidates[(m * KeptCandidates)..]</c>, <c>candidateCounts[m]</c> of them; the slots after them weigh <see cref="Unused"/>.</summary>
    private WeightedEdge[] candidates = [];

    private int[] candidateCounts = [];
    private int[] mate = [];

    /// <summary>Each pair's weight, stored on both members, so a swap is priced with one fresh weight.</summary>
    private long[] pairWeight = [];

    /// <summary><c>mate[v]</c> for each member, -1 for the one left over on an odd count; null when blocks defeat it.</summary>
    public int[]? Match()
    {
        var count = problem.Count;
        ChooseCandidates();
        mate = new int[count];
        Array.Fill(mate, -1);
        pairWeight = new long[count];
        MatchGreedily();
        if (!MatchTheRest())
        {
            return null;
        }

        ImproveBySwaps();
        return mate;
    }

    /// <summary>
    /// Each member's candidates, on every core: a member's random draws come from a stream of their own, so the
    /// candidates are the same whichever thread weighs them and in whatever order.
    /// </summary>
    private void ChooseCandidates()
    {
        var count = problem.Count;
        candidates = new WeightedEdge[count * KeptCandidates];
        candidateCounts = new int[count];
        var family = random.NextFamily();
        // The loop's workers come and go (each gives way after a while), so their scratch is kept for the next one:
        // one per worker at a time, not one per worker started.
        var spare = new ConcurrentBag<CandidateScratch>();
        Parallel.ForEach(
            Partitioner.Create(0, count, CandidateChunk),
            () => spare.TryTake(out var scratch) ? scratch : new CandidateScratch(count),
            (range, _, scratch) =>
            {
                for (var member = range.Item1; member < range.Item2; member++)
                {
                    ChooseCandidatesOf(member, SeededRandom.ForStream(family, member), scratch);
                }

                return scratch;
            },
            spare.Add);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ChooseCandidatesOf(int member, SeededRandom draws, CandidateScratch scratch)
    {
        var count = problem.Count;
        var scored = scratch.Scored;
        scored.Clear();
        for (var i = 0; i < RandomCandidates; i++)
        {
            Consider(member, draws.Next(count), scratch);
        }

        var pools = scratch.Pools;
        pools.Clear();
        problem.AddAffinityPools(member, pools);
        for (var i = 0; i < PooledCandidates && pools.Count > 0; i++)
        {
            var pool = pools[i % pools.Count];
            Consider(member, pool[draws.Next(pool.Length)], scratch);
        }

        var best = CollectionsMarshal.AsSpan(scored);
        best.Sort();
        best = best[..Math.Min(best.Length, KeptCandidates)];
        best.CopyTo(candidates.AsSpan(member * KeptCandidates));
        candidateCounts[member] = best.Length;
        for (var slot = best.Length; slot < KeptCandidates; slot++)
        {
            candidates[(member * KeptCandidates) + slot] = new WeightedEdge(member, slot, Unused);
        }
    }

    /// <summary>Weighs <paramref name="other"/> as a candidate of <paramref name="member"/>, once, unless they are blocked.</summary>
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Consider(int member, int other, CandidateScratch scratch)
    {
        if (other == member || scratch.SeenBy[other] == member + 1)
        {
            return;
        }

        scratch.SeenBy[other] = member + 1;
        if (problem.Weight(member, other) is var weight && weight != PairWeights.Blocked)
        {
            scratch.Scored.Add(new WeightedEdge(member, other, weight));
        }
    }

    private Span<WeightedEdge> CandidatesOf(int member) => candidates.AsSpan(member * KeptCandidates, candidateCounts[member]);

    /// <summary>
    /// Pairs along every candidate edge, heaviest first, whose two members are both still single. The edges are
    /// sorted where they are, not in a copy (16 MB at 100,000 members): each half of <see cref="candidates"/> on its
    /// own core, walked as one merged order, then every edge is put back in its member's slots in that order, which
    /// is the heaviest-first order the member's own sort gave them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MatchGreedily()
    {
        var edges = candidates;
        var half = edges.Length / 2;
        Parallel.Invoke(() => Array.Sort(edges, 0, half), () => Array.Sort(edges, half, edges.Length - half));
        // An edge's home is slot rank of its member's, its rank being its place among the member's edges in this order.
        var rank = new byte[edges.Length];
        var ranked = new byte[problem.Count];
        for (int i = 0, j = half; i < half || j < edges.Length;)
        {
            var at = j == edges.Length || (i < half && edges[i].CompareTo(edges[j]) <= 0) ? i++ : j++;
            var edge = edges[at];
            rank[at] = ranked[edge.First]++;
            if (edge.Weight != Unused && mate[edge.First] < 0 && mate[edge.Second] < 0)
            {
                Pair(edge.First, edge.Second, edge.Weight);
            }
        }

        // Each swap puts one edge in its home for good.
        for (var at = 0; at < edges.Length; at++)
        {
            for (var home = Home(edges[at], rank[at]); home != at; home = Home(edges[at], rank[at]))
            {
                (edges[at], edges[home]) = (edges[home], edges[at]);
                (rank[at], rank[home]) = (rank[home], rank[at]);
            }
        }
    }

    private static int Home(WeightedEdge edge, byte rank) => (edge.First * KeptCandidates) + rank;

    /// <summary>Pairs whoever the greedy pass left single, each with the best single partner that is not blocked.</summary>
    private bool MatchTheRest()
    {
        var single = Enumerable.Range(0, problem.Count).Where(member => mate[member] < 0).ToList();
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

    /// <summary>
    /// For a pair (a, b) and a candidate c of a paired with d: (a, c) and (b, d) instead, when heavier. The first
    /// pass visits everyone; each later one only the members of pairs the pass before changed, where nearly all new
    /// swaps are. A swap elsewhere that a change made possible is passed over: at 100,000 members the total ends
    /// 0.04% below that of full passes, in a fifth of the time (BENCHMARKS.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ImproveBySwaps()
    {
        var visit = Enumerable.Range(0, problem.Count).ToArray();
        var changed = new List<int>();
        var changedIn = new int[problem.Count];
        for (var pass = 1; pass <= MaxPasses && visit.Length > 0; pass++)
        {
            random.Shuffle(visit);
            changed.Clear();
            foreach (var a in visit)
            {
                var b = mate[a];
                if (b < 0)
                {
                    continue;
                }

                // Most candidates lose whatever b and d would weigh together, and are passed over without weighing them.
                var bestForB = problem.WeightBound(b);
                foreach (var (_, c, aWithC) in CandidatesOf(a))
                {
                    if (aWithC + bestForB <= pairWeight[a] + pairWeight[c] || c == b || mate[c] is var d && d < 0)
                    {
                        continue;
                    }

                    var bWithD = problem.Weight(b, d);
                    if (bWithD != PairWeights.Blocked && aWithC + bWithD > pairWeight[a] + pairWeight[c])
                    {
                        Pair(a, c, aWithC);
                        Pair(b, d, bWithD);
                        foreach (var member in (ReadOnlySpan<int>)[a, b, c, d])
                        {
                            if (changedIn[member] != pass)
                            {
                                changedIn[member] = pass;
                                changed.Add(member);
                            }
                        }

                        break;
                    }
                }
            }

            visit = [.. changed];
        }
    }

    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pair(int a, int b, long weight)
    {
        (mate[a], mate[b]) = (b, a);
        pairWeight[a] = pairWeight[b] = weight;
    }

    /// <summary>
    /// One thread's working space for choosing candidates: <c>SeenBy[other] == member + 1</c> once other has been
    /// considered for member, so nothing is cleared between members.
    /// </summary>
    private sealed class CandidateScratch(int count)
    {
        public int[] SeenBy { get; } = new int[count];

        public List<WeightedEdge> Scored { get; } = new(RandomCandidates + PooledCandidates);

        public List<int[]> Pools { get; } = [];
    }
}
