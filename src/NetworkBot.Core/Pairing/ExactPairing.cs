using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// The heaviest way to pair everybody, exactly, with <see cref="MaximumWeightMatching"/> over every pair that is
/// not blocked. With an odd count a stand-in vertex takes one member out; that member's edge to it weighs what
/// their two best partners would add to a trio, so the one left over is the one who fits a trio best.
/// </summary>
/// <remarks>
/// Above <see cref="CompleteGraphLimit"/> members the blossom runs on a small graph first: each member's
/// <see cref="BestPartners"/> heaviest edges, and every fresh edge of a member who has few. Its vertex duals then
/// price every pair left out; a pair weighing more than its two duals could still improve the matching, so it
/// joins the graph and the graph is solved again. When no pair does, the duals prove the matching the heaviest of
/// the complete graph, as if every pair had been an edge (1,000 members: ~25,000 edges instead of ~500,000).
/// </remarks>
internal sealed class ExactPairing
{
    /// <summary>The complete graph of this many members has about a million edges: still well under a second.</summary>
    public const int MaxMembers = 1_500;

    /// <summary>Up to this many members every pair is an edge from the start (alternatives with noise need that).</summary>
    public const int CompleteGraphLimit = 400;

    private const int BestPartners = 24;

    private readonly PairingProblem problem;
    private readonly WeightedEdge[] graphEdges;
    private readonly WeightedEdge[] standInEdges;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ExactPairing(PairingProblem problem)
    {
        this.problem = problem;
        var count = problem.Count;
        var bestTwo = new (long First, long Second)[count];
        Array.Fill(bestTwo, (long.MinValue, long.MinValue));
        foreach (var (a, b, weight) in AllPairs(problem))
        {
            Remember(ref bestTwo[a], weight);
            Remember(ref bestTwo[b], weight);
        }

        var standIns = new List<WeightedEdge>();
        if (count % 2 == 1)
        {
            for (var member = 0; member < count; member++)
            {
                if (bestTwo[member].Second != long.MinValue)
                {
                    standIns.Add(new WeightedEdge(member, count, bestTwo[member].First + bestTwo[member].Second));
                }
            }
        }

        standInEdges = [.. standIns];
        graphEdges = count <= CompleteGraphLimit ? [.. AllPairs(problem), .. standInEdges] : [.. BestPairs(problem), .. standInEdges];
    }

    /// <summary>Pairs that are not blocked and have never met, for planning the rest of a rotation.</summary>
    public IEnumerable<WeightedEdge> FreshEdges =>
        graphEdges.Where(edge => edge.Second < problem.Count && !problem.HaveMet(edge.First, edge.Second));

    /// <summary>
    /// <c>mate[v]</c> for each member, -1 for the one left over on an odd count; null when blocks leave some
    /// other member without a partner. <paramref name="noise"/> adds 0..noise per pair, for alternatives, in
    /// rounds up to <see cref="CompleteGraphLimit"/>.
    /// </summary>
    public int[]? Match(SeededRandom? random = null, long noise = 0)
    {
        var count = problem.Count;
        if (count > CompleteGraphLimit)
        {
            return noise == 0
                ? MatchByPricing()
                : throw new InvalidOperationException($"Alternatives are drawn only for rounds of up to {CompleteGraphLimit} members.");
        }

        var edges = random is null || noise == 0
            ? graphEdges
            : graphEdges.Select(edge => edge with { Weight = edge.Weight + random.Next((int)noise + 1) }).ToArray();
        return Members(MaximumWeightMatching.SolvePerfect(VertexCount, edges));
    }

    private int VertexCount => problem.Count + (problem.Count % 2);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[]? MatchByPricing()
    {
        var count = problem.Count;
        var inGraph = new bool[count * count];
        foreach (var (a, b, _) in graphEdges)
        {
            if (b < count)
            {
                inGraph[(a * count) + b] = true;
            }
        }

        var edges = new List<WeightedEdge>(graphEdges);
        while (true)
        {
            if (MaximumWeightMatching.SolvePerfect(VertexCount, edges, out var duals) is not { } mate)
            {
                // The small graph may fail to pair everybody where the complete one does not: only it can tell.
                return Members(MaximumWeightMatching.SolvePerfect(VertexCount, [.. AllPairs(problem), .. standInEdges]));
            }

            var before = edges.Count;
            for (var a = 0; a < count; a++)
            {
                for (var b = a + 1; b < count; b++)
                {
                    if (!inGraph[(a * count) + b] && !problem.AreBlocked(a, b)
                        && problem.Weight(a, b) is var weight && duals[a] + duals[b] < 2 * weight)
                    {
                        edges.Add(new WeightedEdge(a, b, weight));
                        inGraph[(a * count) + b] = true;
                    }
                }
            }

            if (edges.Count == before)
            {
                return Members(mate);
            }
        }
    }

    /// <summary>The matching of the members, with the stand-in's partner (the member left over) at -1.</summary>
    private int[]? Members(int[]? mate) =>
        mate?.Take(problem.Count).Select(partner => partner == problem.Count ? -1 : partner).ToArray();

    private static IEnumerable<WeightedEdge> AllPairs(PairingProblem problem)
    {
        for (var a = 0; a < problem.Count; a++)
        {
            for (var b = a + 1; b < problem.Count; b++)
            {
                if (!problem.AreBlocked(a, b))
                {
                    yield return new WeightedEdge(a, b, problem.Weight(a, b));
                }
            }
        }
    }

    /// <summary>Each member's <see cref="BestPartners"/> heaviest edges, and every fresh edge of a member who has few.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<WeightedEdge> BestPairs(PairingProblem problem)
    {
        var count = problem.Count;
        var chosen = new HashSet<long>();
        var row = new List<WeightedEdge>(count);
        for (var a = 0; a < count; a++)
        {
            row.Clear();
            for (var b = 0; b < count; b++)
            {
                if (b != a && !problem.AreBlocked(a, b))
                {
                    row.Add(new WeightedEdge(a, b, problem.Weight(a, b)));
                }
            }

            CollectionsMarshal.AsSpan(row).Sort();
            var fewFresh = problem.FreshPartners(a) <= BestPartners;
            for (var i = 0; i < row.Count; i++)
            {
                if (i < BestPartners || (fewFresh && !problem.HaveMet(a, row[i].Second)))
                {
                    var (first, second) = (Math.Min(a, row[i].Second), Math.Max(a, row[i].Second));
                    chosen.Add(((long)first << 32) | (uint)second);
                }
            }
        }

        var edges = new List<WeightedEdge>(chosen.Count);
        foreach (var key in chosen.Order())
        {
            var (a, b) = ((int)(key >> 32), (int)(uint)key);
            edges.Add(new WeightedEdge(a, b, problem.Weight(a, b)));
        }

        return edges;
    }

    private static void Remember(ref (long First, long Second) best, long weight)
    {
        if (weight > best.First)
        {
            best = (weight, best.First);
        }
        else if (weight > best.Second)
        {
            best = (best.First, weight);
        }
    }
}
