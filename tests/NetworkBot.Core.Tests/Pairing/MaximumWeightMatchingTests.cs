using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Tests.Pairing;

public sealed class MaximumWeightMatchingTests
{
    /// <summary>Small random graphs: up to 10 vertices, any density, weights of both signs and many ties.</summary>
    private static readonly Arbitrary<(int VertexCount, WeightedEdge[] Edges)> Graphs = (
        from vertexCount in Gen.Choose(0, 10)
        from density in Gen.Choose(0, 100)
        from weightRange in Gen.Elements(1, 3, 20, 1_000_000)
        from allowNegative in Gen.Elements(false, true)
        from dataSeed in Gen.Choose(0, int.MaxValue)
        select (vertexCount, RandomEdges(vertexCount, density, weightRange, allowNegative, dataSeed)))
        .ToArbitrary();

    [Property]
    public Property The_matching_is_as_heavy_as_the_best_one_found_by_brute_force() =>
        Prop.ForAll(Graphs, graph =>
        {
            var mate = MaximumWeightMatching.Solve(graph.VertexCount, graph.Edges, maxCardinality: false);

            AssertIsMatchingOf(graph.VertexCount, graph.Edges, mate);
            Assert.Equal(BruteForce(graph.VertexCount, graph.Edges).Weight, Weight(graph.Edges, mate));
        });

    [Property]
    public Property With_max_cardinality_the_matching_is_the_heaviest_of_the_largest() =>
        Prop.ForAll(Graphs, graph =>
        {
            var mate = MaximumWeightMatching.Solve(graph.VertexCount, graph.Edges, maxCardinality: true);

            AssertIsMatchingOf(graph.VertexCount, graph.Edges, mate);
            var best = BruteForce(graph.VertexCount, graph.Edges);
            Assert.Equal((best.Size, best.LargestWeight), (mate.Count(m => m >= 0) / 2, Weight(graph.Edges, mate)));
        });

    [Property]
    public Property A_perfect_matching_from_the_warm_start_is_the_heaviest_perfect_one_or_null_when_none_exists() =>
        Prop.ForAll(Graphs, graph =>
        {
            var mate = MaximumWeightMatching.SolvePerfect(graph.VertexCount, graph.Edges);

            var best = BruteForce(graph.VertexCount, graph.Edges);
            if (2 * best.Size < graph.VertexCount)
            {
                Assert.Null(mate);
                return;
            }

            Assert.NotNull(mate);
            AssertIsMatchingOf(graph.VertexCount, graph.Edges, mate);
            Assert.Equal(best.LargestWeight, Weight(graph.Edges, mate));
        });

    [Fact]
    public void An_empty_graph_matches_nobody() =>
        Assert.Equal([-1, -1, -1], MaximumWeightMatching.Solve(3, [], maxCardinality: true));

    [Fact]
    public void A_heavy_middle_edge_wins_unless_everybody_must_be_matched()
    {
        WeightedEdge[] path = [new(0, 1, 5), new(1, 2, 11), new(2, 3, 5)];

        Assert.Equal([-1, 2, 1, -1], MaximumWeightMatching.Solve(4, path, maxCardinality: false));
        Assert.Equal([1, 0, 3, 2], MaximumWeightMatching.Solve(4, path, maxCardinality: true));
    }

    [Fact]
    public void Negative_edges_are_left_out_unless_they_make_the_matching_larger()
    {
        WeightedEdge[] edges = [new(0, 1, 4), new(0, 2, -3), new(1, 3, -2)];

        Assert.Equal([1, 0, -1, -1], MaximumWeightMatching.Solve(4, edges, maxCardinality: false));
        Assert.Equal([2, 3, 0, 1], MaximumWeightMatching.Solve(4, edges, maxCardinality: true));
    }

    [Fact]
    public void An_odd_cycle_is_shrunk_and_expanded_to_reach_the_optimum()
    {
        // A heavy triangle 0-1-2 hanging off 3 and 4: the best matching leaves the triangle's cheapest edge out.
        WeightedEdge[] edges =
        [
            new(0, 1, 10), new(1, 2, 10), new(0, 2, 10), new(2, 3, 9), new(0, 4, 9), new(3, 5, 1), new(4, 5, 1),
        ];
        var mate = MaximumWeightMatching.Solve(6, edges, maxCardinality: true);

        Assert.Equal(BruteForce(6, edges).LargestWeight, Weight(edges, mate));
        Assert.All(mate, partner => Assert.True(partner >= 0));
    }

    private static WeightedEdge[] RandomEdges(int vertexCount, int density, int weightRange, bool allowNegative, int seed)
    {
        var data = new Random(seed);
        var edges = new List<WeightedEdge>();
        for (var a = 0; a < vertexCount; a++)
        {
            for (var b = a + 1; b < vertexCount; b++)
            {
                if (data.Next(100) < density)
                {
                    var low = allowNegative ? -weightRange : 0;
                    edges.Add(new WeightedEdge(a, b, data.NextInt64(low, weightRange + 1)));
                }
            }
        }

        // Edge order must not matter, so present them shuffled.
        var shuffled = edges.ToArray();
        data.Shuffle(shuffled);
        return shuffled;
    }

    private static void AssertIsMatchingOf(int vertexCount, WeightedEdge[] edges, int[] mate)
    {
        Assert.Equal(vertexCount, mate.Length);
        var present = edges.Select(e => (Math.Min(e.First, e.Second), Math.Max(e.First, e.Second))).ToHashSet();
        for (var v = 0; v < vertexCount; v++)
        {
            if (mate[v] >= 0)
            {
                Assert.Equal(v, mate[mate[v]]);
                Assert.Contains((Math.Min(v, mate[v]), Math.Max(v, mate[v])), present);
            }
        }
    }

    private static long Weight(WeightedEdge[] edges, int[] mate) =>
        edges.Where(e => mate[e.First] == e.Second).Sum(e => e.Weight);

    /// <summary>Every matching, by recursion over the lowest unmatched vertex: its best weight, and the best weight of the largest size.</summary>
    private static (long Weight, int Size, long LargestWeight) BruteForce(int vertexCount, WeightedEdge[] edges)
    {
        var weight = new long?[vertexCount, vertexCount];
        foreach (var e in edges)
        {
            weight[e.First, e.Second] = weight[e.Second, e.First] = e.Weight;
        }

        var (best, bestSize, bestOfLargest) = (0L, 0, 0L);
        var used = new bool[vertexCount];

        void Visit(int from, long total, int size)
        {
            best = Math.Max(best, total);
            if (size > bestSize || (size == bestSize && total > bestOfLargest))
            {
                (bestSize, bestOfLargest) = (size, total);
            }

            var v = from;
            while (v < vertexCount && used[v])
            {
                v++;
            }

            if (v >= vertexCount)
            {
                return;
            }

            used[v] = true;
            Visit(v + 1, total, size);
            for (var w = v + 1; w < vertexCount; w++)
            {
                if (!used[w] && weight[v, w] is { } edgeWeight)
                {
                    used[w] = true;
                    Visit(v + 1, total + edgeWeight, size + 1);
                    used[w] = false;
                }
            }

            used[v] = false;
        }

        Visit(0, 0, 0);
        return (best, bestSize, bestOfLargest);
    }
}
