using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// One undirected edge of a matching problem; a higher weight is a better pair. Edges sort heaviest first, then by
/// their members' indices, so equal weights still give one order: one definition for the exact path's best partners
/// and the sparse path's candidates and greedy pass. As the type's own order, a sort compares without a delegate.
/// </summary>
internal readonly record struct WeightedEdge(int First, int Second, long Weight) : IComparable<WeightedEdge>
{
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

    private readonly int _vertexCount;
    private readonly int[] _endpoint;
    private readonly long[] _weight;
    private readonly int[][] _neighbourEnds;
    private readonly bool _maxCardinality;

    private readonly int[] _mate;
    private readonly int[] _label;
    private readonly int[] _labelEnd;
    private readonly int[] _inBlossom;
    private readonly int[] _parent;
    private readonly int[]?[] _children;
    private readonly int[]?[] _childEnds;
    private readonly int[] _base;
    private readonly int[] _bestEdge;
    private readonly int[]?[] _blossomBestEdges;
    private readonly Stack<int> _unusedBlossoms = new();
    private readonly long[] _dual;
    private readonly bool[] _allowed;
    private readonly List<int> _queue = [];
    private readonly List<int> _leaves = [];

    private MaximumWeightMatching(int vertexCount, IReadOnlyList<WeightedEdge> edges, bool maxCardinality)
    {
        _vertexCount = vertexCount;
        _maxCardinality = maxCardinality;
        var edgeCount = edges.Count;
        _endpoint = new int[2 * edgeCount];
        _weight = new long[edgeCount];
        var degree = new int[vertexCount];
        var maxWeight = 0L;
        for (var k = 0; k < edgeCount; k++)
        {
            var (a, b, w) = edges[k];
            if (a == b || (uint)a >= (uint)vertexCount || (uint)b >= (uint)vertexCount)
            {
                throw new ArgumentException($"Edge {k} ({a}, {b}) is a loop or names a vertex outside 0..{vertexCount - 1}.", nameof(edges));
            }

            (_endpoint[2 * k], _endpoint[(2 * k) + 1], _weight[k]) = (a, b, w);
            degree[a]++;
            degree[b]++;
            maxWeight = Math.Max(maxWeight, w);
        }

        _neighbourEnds = new int[vertexCount][];
        for (var v = 0; v < vertexCount; v++)
        {
            _neighbourEnds[v] = new int[degree[v]];
            degree[v] = 0;
        }

        for (var k = 0; k < edgeCount; k++)
        {
            var (a, b) = (_endpoint[2 * k], _endpoint[(2 * k) + 1]);
            _neighbourEnds[a][degree[a]++] = (2 * k) + 1;
            _neighbourEnds[b][degree[b]++] = 2 * k;
        }

        var slots = 2 * vertexCount;
        _mate = new int[vertexCount];
        Array.Fill(_mate, -1);
        _label = new int[slots];
        _labelEnd = new int[slots];
        Array.Fill(_labelEnd, -1);
        _inBlossom = Enumerable.Range(0, vertexCount).ToArray();
        _parent = new int[slots];
        Array.Fill(_parent, -1);
        _children = new int[]?[slots];
        _childEnds = new int[]?[slots];
        _base = new int[slots];
        Array.Fill(_base, -1);
        for (var v = 0; v < vertexCount; v++)
        {
            _base[v] = v;
        }

        _bestEdge = new int[slots];
        _blossomBestEdges = new int[]?[slots];
        for (var b = slots - 1; b >= vertexCount; b--)
        {
            _unusedBlossoms.Push(b);
        }

        _dual = new long[slots];
        Array.Fill(_dual, maxWeight, 0, vertexCount);
        _allowed = new bool[edgeCount];
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
        return matching._mate.Select(end => end < 0 ? -1 : matching._endpoint[end]).ToArray();
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
        doubledVertexDuals = matching._dual[..vertexCount];
        var mate = matching._mate.Select(end => end < 0 ? -1 : matching._endpoint[end]).ToArray();
        return mate.Any(partner => partner < 0) ? null : mate;
    }

    private void WarmStart()
    {
        // Duals at each vertex's heaviest edge keep every slack non-negative; an edge heaviest for both its ends
        // is then tight and may start matched.
        Array.Fill(_dual, long.MinValue, 0, _vertexCount);
        for (var k = 0; k < _weight.Length; k++)
        {
            var (a, b) = (_endpoint[2 * k], _endpoint[(2 * k) + 1]);
            _dual[a] = Math.Max(_dual[a], _weight[k]);
            _dual[b] = Math.Max(_dual[b], _weight[k]);
        }

        for (var v = 0; v < _vertexCount; v++)
        {
            if (_dual[v] == long.MinValue)
            {
                _dual[v] = 0;
            }
        }

        for (var k = 0; k < _weight.Length; k++)
        {
            var (a, b) = (_endpoint[2 * k], _endpoint[(2 * k) + 1]);
            if (_mate[a] < 0 && _mate[b] < 0 && _dual[a] + _dual[b] == 2 * _weight[k])
            {
                (_mate[a], _mate[b]) = ((2 * k) + 1, 2 * k);
            }
        }

        // Free vertices are the roots of every stage and all move by the same steps; sharing one parity keeps the
        // slack between two outer vertices even, so halving it (delta3) stays exact.
        for (var v = 0; v < _vertexCount; v++)
        {
            if (_mate[v] < 0 && (_dual[v] & 1) != 0)
            {
                _dual[v]++;
            }
        }
    }

    /// <summary>Twice the edge's slack; zero means the edge is tight under the current duals.</summary>
    private long Slack(int edge) => _dual[_endpoint[2 * edge]] + _dual[_endpoint[(2 * edge) + 1]] - (2 * _weight[edge]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        for (var stage = 0; stage < _vertexCount; stage++)
        {
            StartStage();
            if (!RunStage())
            {
                break;
            }

            // A blossom whose dual dropped to zero no longer needs to stay shrunk; expanding it lets later
            // stages use its inner edges again.
            for (var b = _vertexCount; b < 2 * _vertexCount; b++)
            {
                if (_parent[b] == -1 && _base[b] >= 0 && _label[b] == Outer && _dual[b] == 0)
                {
                    Expand(b, endOfStage: true);
                }
            }
        }
    }

    private void StartStage()
    {
        Array.Clear(_label);
        Array.Fill(_bestEdge, -1);
        Array.Fill(_blossomBestEdges, null, _vertexCount, _vertexCount);
        Array.Clear(_allowed);
        _queue.Clear();
        for (var v = 0; v < _vertexCount; v++)
        {
            if (_mate[v] == -1 && _label[_inBlossom[v]] == Free)
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
        while (_queue.Count > 0)
        {
            var v = _queue[^1];
            _queue.RemoveAt(_queue.Count - 1);
            foreach (var p in _neighbourEnds[v])
            {
                var k = p / 2;
                var w = _endpoint[p];
                if (_inBlossom[v] == _inBlossom[w])
                {
                    continue;
                }

                var slack = 0L;
                if (!_allowed[k])
                {
                    slack = Slack(k);
                    _allowed[k] = slack <= 0;
                }

                var wBlossom = _inBlossom[w];
                if (_allowed[k])
                {
                    if (_label[wBlossom] == Free)
                    {
                        AssignLabel(w, Inner, p ^ 1);
                    }
                    else if (_label[wBlossom] == Outer)
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
                    else if (_label[w] == Free)
                    {
                        // w sits in an inner blossom but was not reached itself yet; remember how to reach it,
                        // which expanding that blossom later needs.
                        _label[w] = Inner;
                        _labelEnd[w] = p ^ 1;
                    }
                }
                else if (_label[wBlossom] == Outer)
                {
                    var vBlossom = _inBlossom[v];
                    if (_bestEdge[vBlossom] == -1 || slack < Slack(_bestEdge[vBlossom]))
                    {
                        _bestEdge[vBlossom] = k;
                    }
                }
                else if (_label[w] == Free && (_bestEdge[w] == -1 || slack < Slack(_bestEdge[w])))
                {
                    _bestEdge[w] = k;
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
        if (!_maxCardinality)
        {
            (kind, delta) = (1, MinVertexDual());
        }

        for (var v = 0; v < _vertexCount; v++)
        {
            if (_label[_inBlossom[v]] == Free && _bestEdge[v] != -1)
            {
                var d = Slack(_bestEdge[v]);
                if (kind == 0 || d < delta)
                {
                    (kind, delta, edge) = (2, d, _bestEdge[v]);
                }
            }
        }

        for (var b = 0; b < 2 * _vertexCount; b++)
        {
            if (_parent[b] == -1 && _label[b] == Outer && _bestEdge[b] != -1)
            {
                // Both ends move, so an edge between two outer blossoms closes at half its slack; the slack of
                // such an edge is even because vertex duals are doubled.
                var d = Slack(_bestEdge[b]) / 2;
                if (kind == 0 || d < delta)
                {
                    (kind, delta, edge) = (3, d, _bestEdge[b]);
                }
            }
        }

        for (var b = _vertexCount; b < 2 * _vertexCount; b++)
        {
            if (_base[b] >= 0 && _parent[b] == -1 && _label[b] == Inner && (kind == 0 || _dual[b] < delta))
            {
                (kind, delta, blossom) = (4, _dual[b], b);
            }
        }

        if (kind == 0)
        {
            // Only reachable with maxCardinality: nothing can grow any more, so finish with a plain step.
            (kind, delta) = (1, Math.Max(0, MinVertexDual()));
        }

        for (var v = 0; v < _vertexCount; v++)
        {
            var label = _label[_inBlossom[v]];
            _dual[v] += label == Outer ? -delta : label == Inner ? delta : 0;
        }

        for (var b = _vertexCount; b < 2 * _vertexCount; b++)
        {
            if (_base[b] >= 0 && _parent[b] == -1)
            {
                _dual[b] += _label[b] == Outer ? delta : _label[b] == Inner ? -delta : 0;
            }
        }

        switch (kind)
        {
            case 1:
                return false;
            case 2:
                _allowed[edge] = true;
                var (i, j) = (_endpoint[2 * edge], _endpoint[(2 * edge) + 1]);
                _queue.Add(_label[_inBlossom[i]] == Free ? j : i);
                break;
            case 3:
                _allowed[edge] = true;
                _queue.Add(_endpoint[2 * edge]);
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
        for (var v = 0; v < _vertexCount; v++)
        {
            min = Math.Min(min, _dual[v]);
        }

        return min;
    }

    private List<int> Leaves(int blossom)
    {
        _leaves.Clear();
        AddLeaves(blossom, _leaves);
        return _leaves;
    }

    private void AddLeaves(int blossom, List<int> into)
    {
        if (blossom < _vertexCount)
        {
            into.Add(blossom);
            return;
        }

        foreach (var child in _children[blossom]!)
        {
            AddLeaves(child, into);
        }
    }

    /// <summary>Labels the top blossom of <paramref name="w"/>, reached over remote endpoint <paramref name="end"/>.</summary>
    private void AssignLabel(int w, int label, int end)
    {
        var b = _inBlossom[w];
        _label[w] = _label[b] = label;
        _labelEnd[w] = _labelEnd[b] = end;
        _bestEdge[w] = _bestEdge[b] = -1;
        if (label == Outer)
        {
            _queue.AddRange(Leaves(b));
        }
        else
        {
            // An inner blossom is matched through its base, and that partner becomes outer.
            var mateEnd = _mate[_base[b]];
            AssignLabel(_endpoint[mateEnd], Outer, mateEnd ^ 1);
        }
    }

    /// <summary>Walks back from two outer vertices; the base of the blossom they close, or -1 for an augmenting path.</summary>
    private int ScanBlossom(int v, int w)
    {
        var path = new List<int>();
        var found = -1;
        while (v != -1 || w != -1)
        {
            var b = _inBlossom[v];
            if ((_label[b] & Breadcrumb) != 0)
            {
                found = _base[b];
                break;
            }

            path.Add(b);
            _label[b] = Outer | Breadcrumb;
            if (_labelEnd[b] == -1)
            {
                v = -1;
            }
            else
            {
                var t = _inBlossom[_endpoint[_labelEnd[b]]];
                v = _endpoint[_labelEnd[t]];
            }

            if (w != -1)
            {
                (v, w) = (w, v);
            }
        }

        foreach (var b in path)
        {
            _label[b] = Outer;
        }

        return found;
    }

    private void AddBlossom(int blossomBase, int edge)
    {
        var (v, w) = (_endpoint[2 * edge], _endpoint[(2 * edge) + 1]);
        var (baseBlossom, vBlossom, wBlossom) = (_inBlossom[blossomBase], _inBlossom[v], _inBlossom[w]);
        var b = _unusedBlossoms.Pop();
        _base[b] = blossomBase;
        _parent[b] = -1;
        _parent[baseBlossom] = b;

        var children = new List<int>();
        var ends = new List<int>();
        while (vBlossom != baseBlossom)
        {
            _parent[vBlossom] = b;
            children.Add(vBlossom);
            ends.Add(_labelEnd[vBlossom]);
            vBlossom = _inBlossom[_endpoint[_labelEnd[vBlossom]]];
        }

        children.Add(baseBlossom);
        children.Reverse();
        ends.Reverse();
        ends.Add(2 * edge);
        while (wBlossom != baseBlossom)
        {
            _parent[wBlossom] = b;
            children.Add(wBlossom);
            ends.Add(_labelEnd[wBlossom] ^ 1);
            wBlossom = _inBlossom[_endpoint[_labelEnd[wBlossom]]];
        }

        _children[b] = [.. children];
        _childEnds[b] = [.. ends];
        _label[b] = Outer;
        _labelEnd[b] = _labelEnd[baseBlossom];
        _dual[b] = 0;
        foreach (var leaf in Leaves(b))
        {
            if (_label[_inBlossom[leaf]] == Inner)
            {
                // Inner vertices become outer inside the new blossom, so their edges must be scanned now.
                _queue.Add(leaf);
            }

            _inBlossom[leaf] = b;
        }

        // The least-slack edge from the new blossom to each neighbouring outer blossom, for delta3.
        var bestTo = new Dictionary<int, int>();
        var leaves = new List<int>();
        foreach (var child in children)
        {
            IEnumerable<int> candidates;
            if (_blossomBestEdges[child] is { } known)
            {
                candidates = known;
            }
            else
            {
                leaves.Clear();
                AddLeaves(child, leaves);
                candidates = leaves.SelectMany(leaf => _neighbourEnds[leaf].Select(end => end / 2)).ToArray();
            }

            foreach (var k in candidates)
            {
                var (i, j) = (_endpoint[2 * k], _endpoint[(2 * k) + 1]);
                if (_inBlossom[j] == b)
                {
                    j = i;
                }

                var jBlossom = _inBlossom[j];
                if (jBlossom != b && _label[jBlossom] == Outer
                    && (!bestTo.TryGetValue(jBlossom, out var current) || Slack(k) < Slack(current)))
                {
                    bestTo[jBlossom] = k;
                }
            }

            _blossomBestEdges[child] = null;
            _bestEdge[child] = -1;
        }

        var best = bestTo.Values.ToArray();
        _blossomBestEdges[b] = best;
        _bestEdge[b] = -1;
        foreach (var k in best)
        {
            if (_bestEdge[b] == -1 || Slack(k) < Slack(_bestEdge[b]))
            {
                _bestEdge[b] = k;
            }
        }
    }

    private static int At(int[] items, int index) => items[((index % items.Length) + items.Length) % items.Length];

    private void Expand(int b, bool endOfStage)
    {
        var children = _children[b]!;
        foreach (var child in children)
        {
            _parent[child] = -1;
            if (child < _vertexCount)
            {
                _inBlossom[child] = child;
            }
            else if (endOfStage && _dual[child] == 0)
            {
                Expand(child, endOfStage);
            }
            else
            {
                foreach (var leaf in Leaves(child))
                {
                    _inBlossom[leaf] = child;
                }
            }
        }

        if (!endOfStage && _label[b] == Inner)
        {
            RelabelExpandedInnerBlossom(b, children);
        }

        _label[b] = _labelEnd[b] = -1;
        _children[b] = _childEnds[b] = null;
        _base[b] = -1;
        _blossomBestEdges[b] = null;
        _bestEdge[b] = -1;
        _unusedBlossoms.Push(b);
    }

    /// <summary>
    /// An inner blossom expanded mid-stage leaves an even-length path from where it was entered to its base;
    /// the sub-blossoms on that path alternate inner and outer, and the others go back to free unless an
    /// outer vertex already reaches them.
    /// </summary>
    private void RelabelExpandedInnerBlossom(int b, int[] children)
    {
        var ends = _childEnds[b]!;
        var entry = _inBlossom[_endpoint[_labelEnd[b] ^ 1]];
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

        var p = _labelEnd[b];
        while (j != 0)
        {
            _label[_endpoint[p ^ 1]] = Free;
            _label[_endpoint[At(ends, j - trick) ^ trick ^ 1]] = Free;
            AssignLabel(_endpoint[p ^ 1], Inner, p);
            _allowed[At(ends, j - trick) / 2] = true;
            j += step;
            p = At(ends, j - trick) ^ trick;
            _allowed[p / 2] = true;
            j += step;
        }

        var baseChild = At(children, j);
        _label[_endpoint[p ^ 1]] = _label[baseChild] = Inner;
        _labelEnd[_endpoint[p ^ 1]] = _labelEnd[baseChild] = p;
        _bestEdge[baseChild] = -1;
        j += step;
        while (At(children, j) != entry)
        {
            var child = At(children, j);
            if (_label[child] == Outer)
            {
                j += step;
                continue;
            }

            var reached = -1;
            foreach (var leaf in Leaves(child))
            {
                if (_label[leaf] != Free)
                {
                    reached = leaf;
                    break;
                }
            }

            if (reached >= 0)
            {
                _label[reached] = Free;
                _label[_endpoint[_mate[_base[child]]]] = Free;
                AssignLabel(reached, Inner, _labelEnd[reached]);
            }

            j += step;
        }
    }

    /// <summary>Flips matched and unmatched edges on the path through blossom b from vertex v to its base.</summary>
    private void AugmentBlossom(int b, int v)
    {
        var t = v;
        while (_parent[t] != b)
        {
            t = _parent[t];
        }

        if (t >= _vertexCount)
        {
            AugmentBlossom(t, v);
        }

        var children = _children[b]!;
        var ends = _childEnds[b]!;
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
            if (t >= _vertexCount)
            {
                AugmentBlossom(t, _endpoint[p]);
            }

            j += step;
            t = At(children, j);
            if (t >= _vertexCount)
            {
                AugmentBlossom(t, _endpoint[p ^ 1]);
            }

            _mate[_endpoint[p]] = p ^ 1;
            _mate[_endpoint[p ^ 1]] = p;
        }

        // The vertex the path entered by is the blossom's new base: rotate the cycle so it comes first.
        _children[b] = [.. children[i..], .. children[..i]];
        _childEnds[b] = [.. ends[i..], .. ends[..i]];
        _base[b] = _base[_children[b]![0]];
    }

    /// <summary>Augments along the path through <paramref name="edge"/>, which joins two outer trees.</summary>
    private void Augment(int edge)
    {
        foreach (var (start, remote) in new[] { (_endpoint[2 * edge], (2 * edge) + 1), (_endpoint[(2 * edge) + 1], 2 * edge) })
        {
            var (s, p) = (start, remote);
            while (true)
            {
                var sBlossom = _inBlossom[s];
                if (sBlossom >= _vertexCount)
                {
                    AugmentBlossom(sBlossom, s);
                }

                _mate[s] = p;
                if (_labelEnd[sBlossom] == -1)
                {
                    break;
                }

                var t = _endpoint[_labelEnd[sBlossom]];
                var tBlossom = _inBlossom[t];
                s = _endpoint[_labelEnd[tBlossom]];
                var j = _endpoint[_labelEnd[tBlossom] ^ 1];
                if (tBlossom >= _vertexCount)
                {
                    AugmentBlossom(tBlossom, j);
                }

                _mate[j] = _labelEnd[tBlossom];
                p = _labelEnd[tBlossom] ^ 1;
            }
        }
    }
}
