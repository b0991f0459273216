using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Quality;

/// <summary>
/// The optimum the quality benchmark compares against: Core's exact blossom (<see cref="MaximumWeightMatching"/>)
/// on the complete graph of one criterion alone. Every run first checks it against brute force on small graphs
/// (<see cref="BruteForceMatching"/>), so the yardstick is verified rather than trusted.
/// </summary>
internal static class CompleteGraphMatching
{
    /// <summary>A perfect matching of maximum total weight on the complete graph of <paramref name="count"/> vertices.</summary>
    public static int[] Solve(int count, Func<int, int, long> weight)
    {
        var edges = new List<WeightedEdge>(count * (count - 1) / 2);
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                edges.Add(new WeightedEdge(i, j, weight(i, j)));
            }
        }

        return MaximumWeightMatching.Solve(count, edges, maxCardinality: true);
    }
}
