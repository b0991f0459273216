using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// The heaviest way to pair everybody, exactly, with <see cref="MaximumWeightMatching"/> over every pair that is
/// not blocked. With an odd count a stand-in vertex takes one member out; that member's edge to it weighs what
/// their two best partners would add to a trio, so the one left over is the one who fits a trio best.
/// </summary>
internal sealed class ExactPairing
{
    /// <summary>The complete graph of this many members has about a million edges: still well under a second.</summary>
    public const int MaxMembers = 1_500;

    private readonly PairingProblem _problem;
    private readonly WeightedEdge[] _edges;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ExactPairing(PairingProblem problem)
    {
        _problem = problem;
        var count = problem.Count;
        var edges = new List<WeightedEdge>(count * (count - 1) / 2);
        var bestTwo = new (long First, long Second)[count];
        Array.Fill(bestTwo, (long.MinValue, long.MinValue));
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                if (problem.AreBlocked(a, b))
                {
                    continue;
                }

                var weight = problem.Weight(a, b);
                edges.Add(new WeightedEdge(a, b, weight));
                Remember(ref bestTwo[a], weight);
                Remember(ref bestTwo[b], weight);
            }
        }

        if (count % 2 == 1)
        {
            for (var member = 0; member < count; member++)
            {
                if (bestTwo[member].Second != long.MinValue)
                {
                    edges.Add(new WeightedEdge(member, count, bestTwo[member].First + bestTwo[member].Second));
                }
            }
        }

        _edges = [.. edges];
    }

    /// <summary>Pairs that are not blocked and have never met, for planning the rest of a rotation.</summary>
    public IEnumerable<WeightedEdge> FreshEdges =>
        _edges.Where(edge => edge.Second < _problem.Count && !_problem.HaveMet(edge.First, edge.Second));

    /// <summary>
    /// <c>mate[v]</c> for each member, -1 for the one left over on an odd count; null when blocks leave some
    /// other member without a partner. <paramref name="noise"/> adds 0..noise per pair, for alternatives.
    /// </summary>
    public int[]? Match(SeededRandom? random = null, long noise = 0)
    {
        var count = _problem.Count;
        var edges = random is null || noise == 0
            ? _edges
            : _edges.Select(edge => edge with { Weight = edge.Weight + random.Next((int)noise + 1) }).ToArray();
        var vertexCount = count % 2 == 1 ? count + 1 : count;
        var mate = MaximumWeightMatching.SolvePerfect(vertexCount, edges);
        return mate?.Take(count).Select(partner => partner == count ? -1 : partner).ToArray();
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
