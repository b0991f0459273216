using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// One undirected edge of a matching problem; a higher weight is a better pair. Edges sort heaviest first, then by
/// their members' indices, so equal weights still give one order: one definition for the exact path's best partners
/// and the sparse path's candidates and greedy pass. As the type's own order, a sort compares without a delegate.
/// </summary>
internal readonly record struct WeightedEdge(int First, int Second, long Weight) : IComparable<WeightedEdge>
{
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CompareTo(WeightedEdge other) =>
        Weight != other.Weight ? other.Weight.CompareTo(Weight)
        : First != other.First ? First.CompareTo(other.First)
        : Second.CompareTo(other.Second);
}

/// <summary>
/// Edmonds' blossom algorithm for a maximum-weight matching in a general graph, in the primal-dual form
/// described by Galil ("Efficient algorithms for finding maximum matching in graphs", 1986): O(n³) time,
/// integer arithmetic throughout, so the optimum is exact and the same input always gives the same matching.
/// </summary>
/// <remarks>
/// Vertices are 0..n-1; blossoms that are not single vertices take the numbers n..2n-1. Edge k has the two
/// endpoints 2k and 2k+1, so "the remote endpoint" of an edge seen from one vertex is one int, and
/// <c>p ^ 1</c> is the other side. Vertex duals are stored doubled, which keeps every dual and slack an
/// integer when the weights are integers. With <c>maxCardinality</c> the matching is the heaviest among the
/// largest ones, which is how callers ask for "everybody paired, as well as possible".
/// </remarks>
internal sealed class MaximumWeightMatching
{
    private const int Free = 0;
    private const int Outer = 1;
    private const int Inner = 2;
    private const int Breadcrumb = 4;

    private readonly int vertexCount;
    private readonly int[] endpoint;
    private readonly long[] weight;
    private readonly int[][] neighbourEnds;
    private readonly bool maxCardinality;

    private readonly int[] mate;
    private readonly int[] labelOf;
    private readonly int[] labelEnd;
    private readonly int[] inBlossom;
    private readonly int[] parent;
    private readonly int[]?[] childrenOf;
    private readonly int[]?[] childEnds;
    private readonly int[] baseOf;
    private readonly int[] bestEdge;
    private readonly int[]?[] blossomBestEdges;
    private readonly Stack<int> unusedBlossoms = new();
    private readonly long[] dual;
    private readonly bool[] allowed;
    private readonly List<int> queue = [];
    private readonly List<int> leafBuffer = [];

    private MaximumWeightMatching(int vertexCount, IReadOnlyList<WeightedEdge> edges, bool maxCardinality)
    {
        this.vertexCount = vertexCount;
        this.maxCardinality = maxCardinality;
        var edgeCount = edges.Count;
        endpoint = new int[2 * edgeCount];
        weight = new long[edgeCount];
        var degree = new int[vertexCount];
        var maxWeight = 0L;
        for (var k = 0; k < edgeCount; k++)
        {
            var (a, b, w) = edges[k];
            if (a == b || (uint)a >= (uint)vertexCount || (uint)b >= (uint)vertexCount)
            {
                throw new ArgumentException($"Edge {k} ({a}, {b}) is a loop or names a vertex outside 0..{vertexCount - 1}.", nameof(edges));
            }

            (endpoint[2 * k], endpoint[(2 * k) + 1], weight[k]) = (a, b, w);
            degree[a]++;
            degree[b]++;
            maxWeight = Math.Max(maxWeight, w);
        }

        neighbourEnds = new int[vertexCount][];
        for (var v = 0; v < vertexCount; v++)
        {
            neighbourEnds[v] = new int[degree[v]];
            degree[v] = 0;
        }

        for (var k = 0; k < edgeCount; k++)
        {
            var (a, b) = (endpoint[2 * k], endpoint[(2 * k) + 1]);
            neighbourEnds[a][degree[a]++] = (2 * k) + 1;
            neighbourEnds[b][degree[b]++] = 2 * k;
        }

        var slots = 2 * vertexCount;
        mate = new int[vertexCount];
        Array.Fill(mate, -1);
        labelOf = new int[slots];
        labelEnd = new int[slots];
        Array.Fill(labelEnd, -1);
        inBlossom = Enumerable.Range(0, vertexCount).ToArray();
        parent = new int[slots];
        Array.Fill(parent, -1);
        childrenOf = new int[]?[slots];
        childEnds = new int[]?[slots];
        baseOf = new int[slots];
        Array.Fill(baseOf, -1);
        for (var v = 0; v < vertexCount; v++)
        {
            baseOf[v] = v;
        }

        bestEdge = new int[slots];
        blossomBestEdges = new int[]?[slots];
        for (var b = slots - 1; b >= vertexCount; b--)
        {
            unusedBlossoms.Push(b);
        }

        dual = new long[slots];
        Array.Fill(dual, maxWeight, 0, vertexCount);
        allowed = new bool[edgeCount];
    }

    /// <summary>
    /// The heaviest matching of the graph (the heaviest of maximum size with <paramref name="maxCardinality"/>):
    /// <c>mate[v]</c> is v's partner, or -1 when v stays single.
    /// </summary>
    public static int[] Solve(int vertexCount, IReadOnlyList<WeightedEdge> edges, bool maxCardinality)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var matching = new MaximumWeightMatching(vertexCount, edges, maxCardinality);
        matching.Run();
        return matching.mate.Select(end => end < 0 ? -1 : matching.endpoint[end]).ToArray();
    }

    /// <summary>
    /// The heaviest matching that pairs every vertex, or null when there is none. Starts from a warm point (each
    /// vertex's dual at its heaviest edge, mutual heaviest edges already matched), which is valid only because
    /// the result must be perfect; it saves most of the stages on large dense graphs.
    /// </summary>
    public static int[]? SolvePerfect(int vertexCount, IReadOnlyList<WeightedEdge> edges) =>
        SolvePerfect(vertexCount, edges, out _);

    /// <summary>
    /// <see cref="SolvePerfect(int, IReadOnlyList{WeightedEdge})"/>, with the final vertex duals, doubled. Blossom
    /// duals are never negative, so an edge (a, b) left out of <paramref name="edges"/> with
    /// <c>duals[a] + duals[b] &gt;= 2 * weight</c> could not have made the matching heavier.
    /// </summary>
    public static int[]? SolvePerfect(int vertexCount, IReadOnlyList<WeightedEdge> edges, out long[] doubledVertexDuals)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var matching = new MaximumWeightMatching(vertexCount, edges, maxCardinality: true);
        matching.WarmStart();
        matching.Run();
        doubledVertexDuals = matching.dual[..vertexCount];
        var mate = matching.mate.Select(end => end < 0 ? -1 : matching.endpoint[end]).ToArray();
        return mate.Any(partner => partner < 0) ? null : mate;
    }

    private void WarmStart()
    {
        // Duals at each vertex's heaviest edge keep every slack non-negative; an edge heaviest for both its ends
        // is then tight and may start matched.
        Array.Fill(dual, long.MinValue, 0, vertexCount);
        for (var k = 0; k < weight.Length; k++)
        {
            var (a, b) = (endpoint[2 * k], endpoint[(2 * k) + 1]);
            dual[a] = Math.Max(dual[a], weight[k]);
            dual[b] = Math.Max(dual[b], weight[k]);
        }

        for (var v = 0; v < vertexCount; v++)
        {
            if (dual[v] == long.MinValue)
            {
                dual[v] = 0;
            }
        }

        for (var k = 0; k < weight.Length; k++)
        {
            var (a, b) = (endpoint[2 * k], endpoint[(2 * k) + 1]);
            if (mate[a] < 0 && mate[b] < 0 && dual[a] + dual[b] == 2 * weight[k])
            {
                (mate[a], mate[b]) = ((2 * k) + 1, 2 * k);
            }
        }

        // Free vertices are the roots of every stage and all move by the same steps; sharing one parity keeps the
        // slack between two outer vertices even, so halving it (delta3) stays exact.
        for (var v = 0; v < vertexCount; v++)
        {
            if (mate[v] < 0 && (dual[v] & 1) != 0)
            {
                dual[v]++;
            }
        }
    }

    /// <summary>Twice the edge's slack; zero means the edge is tight under the current duals.</summary>
    private long Slack(int edge) => dual[endpoint[2 * edge]] + dual[endpoint[(2 * edge) + 1]] - (2 * weight[edge]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        for (var stage = 0; stage < vertexCount; stage++)
        {
            StartStage();
            if (!RunStage())
            {
                break;
            }

            // A blossom whose dual dropped to zero no longer needs to stay shrunk; expanding it lets later
            // stages use its inner edges again.
            for (var b = vertexCount; b < 2 * vertexCount; b++)
            {
                if (parent[b] == -1 && baseOf[b] >= 0 && labelOf[b] == Outer && dual[b] == 0)
                {
                    Expand(b, endOfStage: true);
                }
            }
        }
    }

    private void StartStage()
    {
        Array.Clear(labelOf);
        Array.Fill(bestEdge, -1);
        Array.Fill(blossomBestEdges, null, vertexCount, vertexCount);
        Array.Clear(allowed);
        queue.Clear();
        for (var v = 0; v < vertexCount; v++)
        {
            if (mate[v] == -1 && labelOf[inBlossom[v]] == Free)
            {
                AssignLabel(v, Outer, -1);
            }
        }
    }

    /// <summary>Grows alternating trees until an augmenting path is used (true) or none can exist (false).</summary>
    private bool RunStage()
    {
        while (true)
        {
            if (GrowTrees())
            {
                return true;
            }

            if (!AdjustDuals())
            {
                return false;
            }
        }
    }

    /// <summary>Labels everything reachable over tight edges; true once the matching has been augmented.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool GrowTrees()
    {
        while (queue.Count > 0)
        {
            var v = queue[^1];
            queue.RemoveAt(queue.Count - 1);
            foreach (var p in neighbourEnds[v])
            {
                var k = p / 2;
                var w = endpoint[p];
                if (inBlossom[v] == inBlossom[w])
                {
                    continue;
                }

                var slack = 0L;
                if (!allowed[k])
                {
                    slack = Slack(k);
                    allowed[k] = slack <= 0;
                }

                var wBlossom = inBlossom[w];
                if (allowed[k])
                {
                    if (labelOf[wBlossom] == Free)
                    {
                        AssignLabel(w, Inner, p ^ 1);
                    }
                    else if (labelOf[wBlossom] == Outer)
                    {
                        var blossomBase = ScanBlossom(v, w);
                        if (blossomBase >= 0)
                        {
                            AddBlossom(blossomBase, k);
                        }
                        else
                        {
                            Augment(k);
                            return true;
                        }
                    }
                    else if (labelOf[w] == Free)
                    {
                        // w sits in an inner blossom but was not reached itself yet; remember how to reach it,
                        // which expanding that blossom later needs.
                        labelOf[w] = Inner;
                        labelEnd[w] = p ^ 1;
                    }
                }
                else if (labelOf[wBlossom] == Outer)
                {
                    var vBlossom = inBlossom[v];
                    if (bestEdge[vBlossom] == -1 || slack < Slack(bestEdge[vBlossom]))
                    {
                        bestEdge[vBlossom] = k;
                    }
                }
                else if (labelOf[w] == Free && (bestEdge[w] == -1 || slack < Slack(bestEdge[w])))
                {
                    bestEdge[w] = k;
                }
            }
        }

        return false;
    }

    /// <summary>Moves the duals by the largest step that keeps them feasible; false when the optimum is reached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AdjustDuals()
    {
        var (kind, delta, edge, blossom) = (0, 0L, -1, -1);
        if (!maxCardinality)
        {
            (kind, delta) = (1, MinVertexDual());
        }

        for (var v = 0; v < vertexCount; v++)
        {
            if (labelOf[inBlossom[v]] == Free && bestEdge[v] != -1)
            {
                var d = Slack(bestEdge[v]);
                if (kind == 0 || d < delta)
                {
                    (kind, delta, edge) = (2, d, bestEdge[v]);
                }
            }
        }

        for (var b = 0; b < 2 * vertexCount; b++)
        {
            if (parent[b] == -1 && labelOf[b] == Outer && bestEdge[b] != -1)
            {
                // Both ends move, so an edge between two outer blossoms closes at half its slack; the slack of
                // such an edge is even because vertex duals are doubled.
                var d = Slack(bestEdge[b]) / 2;
                if (kind == 0 || d < delta)
                {
                    (kind, delta, edge) = (3, d, bestEdge[b]);
                }
            }
        }

        for (var b = vertexCount; b < 2 * vertexCount; b++)
        {
            if (baseOf[b] >= 0 && parent[b] == -1 && labelOf[b] == Inner && (kind == 0 || dual[b] < delta))
            {
                (kind, delta, blossom) = (4, dual[b], b);
            }
        }

        if (kind == 0)
        {
            // Only reachable with maxCardinality: nothing can grow any more, so finish with a plain step.
            (kind, delta) = (1, Math.Max(0, MinVertexDual()));
        }

        for (var v = 0; v < vertexCount; v++)
        {
            var label = labelOf[inBlossom[v]];
            dual[v] += label == Outer ? -delta : label == Inner ? delta : 0;
        }

        for (var b = vertexCount; b < 2 * vertexCount; b++)
        {
            if (baseOf[b] >= 0 && parent[b] == -1)
            {
                dual[b] += labelOf[b] == Outer ? delta : labelOf[b] == Inner ? -delta : 0;
            }
        }

        switch (kind)
        {
            case 1:
                return false;
            case 2:
                allowed[edge] = true;
                var (i, j) = (endpoint[2 * edge], endpoint[(2 * edge) + 1]);
                queue.Add(labelOf[inBlossom[i]] == Free ? j : i);
                break;
            case 3:
                allowed[edge] = true;
                queue.Add(endpoint[2 * edge]);
                break;
            default:
                Expand(blossom, endOfStage: false);
                break;
        }

        return true;
    }

    private long MinVertexDual()
    {
        var min = long.MaxValue;
        for (var v = 0; v < vertexCount; v++)
        {
            min = Math.Min(min, dual[v]);
        }

        return min;
    }

    private List<int> Leaves(int blossom)
    {
        leafBuffer.Clear();
        AddLeaves(blossom, leafBuffer);
        return leafBuffer;
    }

    private void AddLeaves(int blossom, List<int> into)
    {
        if (blossom < vertexCount)
        {
            into.Add(blossom);
            return;
        }

        foreach (var child in childrenOf[blossom]!)
        {
            AddLeaves(child, into);
        }
    }

    /// <summary>Labels the top blossom of <paramref name="w"/>, reached over remote endpoint <paramref name="end"/>.</summary>
    private void AssignLabel(int w, int label, int end)
    {
        var b = inBlossom[w];
        labelOf[w] = labelOf[b] = label;
        labelEnd[w] = labelEnd[b] = end;
        bestEdge[w] = bestEdge[b] = -1;
        if (label == Outer)
        {
            queue.AddRange(Leaves(b));
        }
        else
        {
            // An inner blossom is matched through its base, and that partner becomes outer.
            var mateEnd = mate[baseOf[b]];
            AssignLabel(endpoint[mateEnd], Outer, mateEnd ^ 1);
        }
    }

    /// <summary>Walks back from two outer vertices; the base of the blossom they close, or -1 for an augmenting path.</summary>
    private int ScanBlossom(int v, int w)
    {
        var path = new List<int>();
        var found = -1;
        while (v != -1 || w != -1)
        {
            var b = inBlossom[v];
            if ((labelOf[b] & Breadcrumb) != 0)
            {
                found = baseOf[b];
                break;
            }

            path.Add(b);
            labelOf[b] = Outer | Breadcrumb;
            if (labelEnd[b] == -1)
            {
                v = -1;
            }
            else
            {
                var t = inBlossom[endpoint[labelEnd[b]]];
                v = endpoint[labelEnd[t]];
            }

            if (w != -1)
            {
                (v, w) = (w, v);
            }
        }

        foreach (var b in path)
        {
            labelOf[b] = Outer;
        }

        return found;
    }

    private void AddBlossom(int blossomBase, int edge)
    {
        var (v, w) = (endpoint[2 * edge], endpoint[(2 * edge) + 1]);
        var (baseBlossom, vBlossom, wBlossom) = (inBlossom[blossomBase], inBlossom[v], inBlossom[w]);
        var b = unusedBlossoms.Pop();
        baseOf[b] = blossomBase;
        parent[b] = -1;
        parent[baseBlossom] = b;

        var children = new List<int>();
        var ends = new List<int>();
        while (vBlossom != baseBlossom)
        {
            parent[vBlossom] = b;
            children.Add(vBlossom);
            ends.Add(labelEnd[vBlossom]);
            vBlossom = inBlossom[endpoint[labelEnd[vBlossom]]];
        }

        children.Add(baseBlossom);
        children.Reverse();
        ends.Reverse();
        ends.Add(2 * edge);
        while (wBlossom != baseBlossom)
        {
            parent[wBlossom] = b;
            children.Add(wBlossom);
            ends.Add(labelEnd[wBlossom] ^ 1);
            wBlossom = inBlossom[endpoint[labelEnd[wBlossom]]];
        }

        childrenOf[b] = [.. children];
        childEnds[b] = [.. ends];
        labelOf[b] = Outer;
        labelEnd[b] = labelEnd[baseBlossom];
        dual[b] = 0;
        foreach (var leaf in Leaves(b))
        {
            if (labelOf[inBlossom[leaf]] == Inner)
            {
                // Inner vertices become outer inside the new blossom, so their edges must be scanned now.
                queue.Add(leaf);
            }

            inBlossom[leaf] = b;
        }

        // The least-slack edge from the new blossom to each neighbouring outer blossom, for delta3.
        var bestTo = new Dictionary<int, int>();
        var leaves = new List<int>();
        foreach (var child in children)
        {
            IEnumerable<int> candidates;
            if (blossomBestEdges[child] is { } known)
            {
                candidates = known;
            }
            else
            {
                leaves.Clear();
                AddLeaves(child, leaves);
                candidates = leaves.SelectMany(leaf => neighbourEnds[leaf].Select(end => end / 2)).ToArray();
            }

            foreach (var k in candidates)
            {
                var (i, j) = (endpoint[2 * k], endpoint[(2 * k) + 1]);
                if (inBlossom[j] == b)
                {
                    j = i;
                }

                var jBlossom = inBlossom[j];
                if (jBlossom != b && labelOf[jBlossom] == Outer
                    && (!bestTo.TryGetValue(jBlossom, out var current) || Slack(k) < Slack(current)))
                {
                    bestTo[jBlossom] = k;
                }
            }

            blossomBestEdges[child] = null;
            bestEdge[child] = -1;
        }

        var best = bestTo.Values.ToArray();
        blossomBestEdges[b] = best;
        bestEdge[b] = -1;
        foreach (var k in best)
        {
            if (bestEdge[b] == -1 || Slack(k) < Slack(bestEdge[b]))
            {
                bestEdge[b] = k;
            }
        }
    }

    private static int At(int[] items, int index) => items[((index % items.Length) + items.Length) % items.Length];

    private void Expand(int b, bool endOfStage)
    {
        var children = childrenOf[b]!;
        foreach (var child in children)
        {
            parent[child] = -1;
            if (child < vertexCount)
            {
                inBlossom[child] = child;
            }
            else if (endOfStage && dual[child] == 0)
            {
                Expand(child, endOfStage);
            }
            else
            {
                foreach (var leaf in Leaves(child))
                {
                    inBlossom[leaf] = child;
                }
            }
        }

        if (!endOfStage && labelOf[b] == Inner)
        {
            RelabelExpandedInnerBlossom(b, children);
        }

        labelOf[b] = labelEnd[b] = -1;
        childrenOf[b] = childEnds[b] = null;
        baseOf[b] = -1;
        blossomBestEdges[b] = null;
        bestEdge[b] = -1;
        unusedBlossoms.Push(b);
    }

    /// <summary>
    /// An inner blossom expanded mid-stage leaves an even-length path from where it was entered to its base;
    /// the sub-blossoms on that path alternate inner and outer, and the others go back to free unless an
    /// outer vertex already reaches them.
    /// </summary>
    private void RelabelExpandedInnerBlossom(int b, int[] children)
    {
        var ends = childEnds[b]!;
        var entry = inBlossom[endpoint[labelEnd[b] ^ 1]];
        var j = Array.IndexOf(children, entry);
        int step, trick;
        if ((j & 1) != 0)
        {
            (j, step, trick) = (j - children.Length, 1, 0);
        }
        else
        {
            (step, trick) = (-1, 1);
        }

        var p = labelEnd[b];
        while (j != 0)
        {
            labelOf[endpoint[p ^ 1]] = Free;
            labelOf[endpoint[At(ends, j - trick) ^ trick ^ 1]] = Free;
            AssignLabel(endpoint[p ^ 1], Inner, p);
            allowed[At(ends, j - trick) / 2] = true;
            j += step;
            p = At(ends, j - trick) ^ trick;
            allowed[p / 2] = true;
            j += step;
        }

        var baseChild = At(children, j);
        labelOf[endpoint[p ^ 1]] = labelOf[baseChild] = Inner;
        labelEnd[endpoint[p ^ 1]] = labelEnd[baseChild] = p;
        bestEdge[baseChild] = -1;
        j += step;
        while (At(children, j) != entry)
        {
            var child = At(children, j);
            if (labelOf[child] == Outer)
            {
                j += step;
                continue;
            }

            var reached = -1;
            foreach (var leaf in Leaves(child))
            {
                if (labelOf[leaf] != Free)
                {
                    reached = leaf;
                    break;
                }
            }

            if (reached >= 0)
            {
                labelOf[reached] = Free;
                labelOf[endpoint[mate[baseOf[child]]]] = Free;
                AssignLabel(reached, Inner, labelEnd[reached]);
            }

            j += step;
        }
    }

    /// <summary>Flips matched and unmatched edges on the path through blossom b from vertex v to its base.</summary>
    private void AugmentBlossom(int b, int v)
    {
        var t = v;
        while (parent[t] != b)
        {
            t = parent[t];
        }

        if (t >= vertexCount)
        {
            AugmentBlossom(t, v);
        }

        var children = childrenOf[b]!;
        var ends = childEnds[b]!;
        var i = Array.IndexOf(children, t);
        var j = i;
        int step, trick;
        if ((i & 1) != 0)
        {
            (j, step, trick) = (j - children.Length, 1, 0);
        }
        else
        {
            (step, trick) = (-1, 1);
        }

        while (j != 0)
        {
            j += step;
            t = At(children, j);
            var p = At(ends, j - trick) ^ trick;
            if (t >= vertexCount)
            {
                AugmentBlossom(t, endpoint[p]);
            }

            j += step;
            t = At(children, j);
            if (t >= vertexCount)
            {
                AugmentBlossom(t, endpoint[p ^ 1]);
            }

            mate[endpoint[p]] = p ^ 1;
            mate[endpoint[p ^ 1]] = p;
        }

        // The vertex the path entered by is the blossom's new base: rotate the cycle so it comes first.
        childrenOf[b] = [.. children[i..], .. children[..i]];
        childEnds[b] = [.. ends[i..], .. ends[..i]];
        baseOf[b] = baseOf[childrenOf[b]![0]];
    }

    /// <summary>Augments along the path through <paramref name="edge"/>, which joins two outer trees.</summary>
    private void Augment(int edge)
    {
        foreach (var (start, remote) in new[] { (endpoint[2 * edge], (2 * edge) + 1), (endpoint[(2 * edge) + 1], 2 * edge) })
        {
            var (s, p) = (start, remote);
            while (true)
            {
                var sBlossom = inBlossom[s];
                if (sBlossom >= vertexCount)
                {
                    AugmentBlossom(sBlossom, s);
                }

                mate[s] = p;
                if (labelEnd[sBlossom] == -1)
                {
                    break;
                }

                var t = endpoint[labelEnd[sBlossom]];
                var tBlossom = inBlossom[t];
                s = endpoint[labelEnd[tBlossom]];
                var j = endpoint[labelEnd[tBlossom] ^ 1];
                if (tBlossom >= vertexCount)
                {
                    AugmentBlossom(tBlossom, j);
                }

                mate[j] = labelEnd[tBlossom];
                p = labelEnd[tBlossom] ^ 1;
            }
        }
    }
}
