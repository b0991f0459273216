namespace NetworkBot.Bench.Quality;

/// <summary>
/// Exact maximum-weight matching on a general graph: Edmonds' blossom algorithm with dual variables, O(n³), after
/// Joris van Rantwijk's reference implementation (mwmatching.py, after Galil's 1986 survey). With integer weights
/// every dual and slack stays integral, so there is no rounding. The quality benchmark checks it against brute
/// force on small graphs before trusting it as the optimum.
/// </summary>
internal sealed class MaxWeightMatching
{
    private readonly (int I, int J, long W)[] _edges;
    private readonly int _n;
    private readonly int[] _endpoint;
    private readonly List<int>[] _neighbourEnds;
    private readonly int[] _mate;
    private readonly int[] _label;
    private readonly int[] _labelEnd;
    private readonly int[] _inBlossom;
    private readonly int[] _blossomParent;
    private readonly List<int>?[] _blossomChildren;
    private readonly int[] _blossomBase;
    private readonly List<int>?[] _blossomEnds;
    private readonly int[] _bestEdge;
    private readonly List<int>?[] _blossomBestEdges;
    private readonly Stack<int> _unusedBlossoms = new();
    private readonly long[] _dual;
    private readonly bool[] _allowEdge;
    private readonly List<int> _queue = [];

    private MaxWeightMatching((int I, int J, long W)[] edges, int vertexCount)
    {
        _edges = edges;
        _n = vertexCount;
        _endpoint = new int[2 * edges.Length];
        _neighbourEnds = new List<int>[_n];
        for (var v = 0; v < _n; v++)
        {
            _neighbourEnds[v] = [];
        }

        for (var k = 0; k < edges.Length; k++)
        {
            var (i, j, _) = edges[k];
            _endpoint[2 * k] = i;
            _endpoint[(2 * k) + 1] = j;
            _neighbourEnds[i].Add((2 * k) + 1);
            _neighbourEnds[j].Add(2 * k);
        }

        _mate = Filled(_n, -1);
        _label = new int[2 * _n];
        _labelEnd = Filled(2 * _n, -1);
        _inBlossom = Enumerable.Range(0, _n).ToArray();
        _blossomParent = Filled(2 * _n, -1);
        _blossomChildren = new List<int>?[2 * _n];
        _blossomBase = Enumerable.Range(0, _n).Concat(Enumerable.Repeat(-1, _n)).ToArray();
        _blossomEnds = new List<int>?[2 * _n];
        _bestEdge = Filled(2 * _n, -1);
        _blossomBestEdges = new List<int>?[2 * _n];
        for (var b = (2 * _n) - 1; b >= _n; b--)
        {
            _unusedBlossoms.Push(b);
        }

        var maxWeight = Math.Max(0, edges.Length == 0 ? 0 : edges.Max(edge => edge.W));
        _dual = Enumerable.Repeat(maxWeight, _n).Concat(Enumerable.Repeat(0L, _n)).ToArray();
        _allowEdge = new bool[edges.Length];
    }

    /// <summary>
    /// The mate of each vertex (-1 when unmatched) in a matching of maximum weight; with
    /// <paramref name="maxCardinality"/>, of maximum weight among those of maximum cardinality.
    /// </summary>
    public static int[] Solve(IReadOnlyList<(int I, int J, long W)> edges, int vertexCount, bool maxCardinality)
    {
        var solver = new MaxWeightMatching([.. edges], vertexCount);
        solver.Run(maxCardinality);
        return solver._mate.Select(end => end >= 0 ? solver._endpoint[end] : -1).ToArray();
    }

    /// <summary>A perfect matching of maximum total weight on the complete graph of <paramref name="count"/> vertices.</summary>
    public static int[] SolveComplete(int count, Func<int, int, long> weight)
    {
        var edges = new List<(int, int, long)>(count * (count - 1) / 2);
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                edges.Add((i, j, weight(i, j)));
            }
        }

        return Solve(edges, count, maxCardinality: true);
    }

    private static int[] Filled(int length, int value) => Enumerable.Repeat(value, length).ToArray();

    private static int Wrap(int index, int length) => ((index % length) + length) % length;

    /// <summary>
    /// Which way round a blossom to walk from child <paramref name="index"/> to its base so the path has even length:
    /// forward from a negative start when the index is odd, backward otherwise.
    /// </summary>
    private static (int Start, int Step, int EndTrick) Direction(int index, int count) =>
        (index & 1) != 0 ? (index - count, 1, 0) : (index, -1, 1);

    private long Slack(int k) => _dual[_edges[k].I] + _dual[_edges[k].J] - (2 * _edges[k].W);

    private List<int> Leaves(int b)
    {
        var leaves = new List<int>();
        AddLeaves(b, leaves);
        return leaves;
    }

    private void AddLeaves(int b, List<int> leaves)
    {
        if (b < _n)
        {
            leaves.Add(b);
            return;
        }

        foreach (var child in _blossomChildren[b]!)
        {
            AddLeaves(child, leaves);
        }
    }

    private void AssignLabel(int w, int t, int p)
    {
        while (true)
        {
            var b = _inBlossom[w];
            _label[w] = _label[b] = t;
            _labelEnd[w] = _labelEnd[b] = p;
            _bestEdge[w] = _bestEdge[b] = -1;
            if (t == 1)
            {
                _queue.AddRange(Leaves(b));
                return;
            }

            // A T-blossom's base is matched; its mate becomes an S-vertex.
            var baseMate = _mate[_blossomBase[b]];
            (w, t, p) = (_endpoint[baseMate], 1, baseMate ^ 1);
        }
    }

    /// <summary>Traces back from two S-vertices: the base of a new blossom, or -1 for an augmenting path.</summary>
    private int ScanBlossom(int v, int w)
    {
        var path = new List<int>();
        var found = -1;
        while (v != -1 || w != -1)
        {
            var b = _inBlossom[v];
            if ((_label[b] & 4) != 0)
            {
                found = _blossomBase[b];
                break;
            }

            path.Add(b);
            _label[b] = 5;
            if (_labelEnd[b] == -1)
            {
                v = -1;
            }
            else
            {
                v = _endpoint[_labelEnd[b]];
                b = _inBlossom[v];
                v = _endpoint[_labelEnd[b]];
            }

            if (w != -1)
            {
                (v, w) = (w, v);
            }
        }

        foreach (var b in path)
        {
            _label[b] = 1;
        }

        return found;
    }

    private void AddBlossom(int baseVertex, int k)
    {
        var (v, w, _) = _edges[k];
        var bb = _inBlossom[baseVertex];
        var bv = _inBlossom[v];
        var bw = _inBlossom[w];
        var b = _unusedBlossoms.Pop();
        _blossomBase[b] = baseVertex;
        _blossomParent[b] = -1;
        _blossomParent[bb] = b;
        var path = new List<int>();
        var ends = new List<int>();
        while (bv != bb)
        {
            _blossomParent[bv] = b;
            path.Add(bv);
            ends.Add(_labelEnd[bv]);
            v = _endpoint[_labelEnd[bv]];
            bv = _inBlossom[v];
        }

        path.Add(bb);
        path.Reverse();
        ends.Reverse();
        ends.Add(2 * k);
        while (bw != bb)
        {
            _blossomParent[bw] = b;
            path.Add(bw);
            ends.Add(_labelEnd[bw] ^ 1);
            w = _endpoint[_labelEnd[bw]];
            bw = _inBlossom[w];
        }

        _blossomChildren[b] = path;
        _blossomEnds[b] = ends;
        _label[b] = 1;
        _labelEnd[b] = _labelEnd[bb];
        _dual[b] = 0;
        foreach (var leaf in Leaves(b))
        {
            if (_label[_inBlossom[leaf]] == 2)
            {
                // A former T-vertex is now inside an S-blossom and must be scanned.
                _queue.Add(leaf);
            }

            _inBlossom[leaf] = b;
        }

        var bestEdgeTo = Filled(2 * _n, -1);
        foreach (var child in path)
        {
            var lists = _blossomBestEdges[child] is { } known
                ? [known]
                : Leaves(child).Select(leaf => _neighbourEnds[leaf].Select(end => end / 2).ToList()).ToList();
            foreach (var list in lists)
            {
                foreach (var edge in list)
                {
                    var (i, j, _) = _edges[edge];
                    if (_inBlossom[j] == b)
                    {
                        (i, j) = (j, i);
                    }

                    var bj = _inBlossom[j];
                    if (bj != b && _label[bj] == 1 && (bestEdgeTo[bj] == -1 || Slack(edge) < Slack(bestEdgeTo[bj])))
                    {
                        bestEdgeTo[bj] = edge;
                    }
                }
            }

            _blossomBestEdges[child] = null;
            _bestEdge[child] = -1;
        }

        _blossomBestEdges[b] = bestEdgeTo.Where(edge => edge != -1).ToList();
        _bestEdge[b] = -1;
        foreach (var edge in _blossomBestEdges[b]!)
        {
            if (_bestEdge[b] == -1 || Slack(edge) < Slack(_bestEdge[b]))
            {
                _bestEdge[b] = edge;
            }
        }
    }

    private void ExpandBlossom(int b, bool endStage)
    {
        var children = _blossomChildren[b]!;
        foreach (var s in children)
        {
            _blossomParent[s] = -1;
            if (s < _n)
            {
                _inBlossom[s] = s;
            }
            else if (endStage && _dual[s] == 0)
            {
                ExpandBlossom(s, endStage);
            }
            else
            {
                foreach (var leaf in Leaves(s))
                {
                    _inBlossom[leaf] = s;
                }
            }
        }

        if (!endStage && _label[b] == 2)
        {
            RelabelExpandedTBlossom(b, children);
        }

        _label[b] = _labelEnd[b] = -1;
        _blossomChildren[b] = _blossomEnds[b] = null;
        _blossomBase[b] = -1;
        _blossomBestEdges[b] = null;
        _bestEdge[b] = -1;
        _unusedBlossoms.Push(b);
    }

    /// <summary>Mid-stage, a T-blossom's children take over its place in the alternating tree.</summary>
    private void RelabelExpandedTBlossom(int b, List<int> children)
    {
        var ends = _blossomEnds[b]!;
        var count = children.Count;
        var entryChild = _inBlossom[_endpoint[_labelEnd[b] ^ 1]];
        var (j, step, endTrick) = Direction(children.IndexOf(entryChild), count);

        var p = _labelEnd[b];
        while (j != 0)
        {
            _label[_endpoint[p ^ 1]] = 0;
            _label[_endpoint[ends[Wrap(j - endTrick, count)] ^ endTrick ^ 1]] = 0;
            AssignLabel(_endpoint[p ^ 1], 2, p);
            _allowEdge[ends[Wrap(j - endTrick, count)] / 2] = true;
            j += step;
            p = ends[Wrap(j - endTrick, count)] ^ endTrick;
            _allowEdge[p / 2] = true;
            j += step;
        }

        var bv = children[Wrap(j, count)];
        _label[_endpoint[p ^ 1]] = _label[bv] = 2;
        _labelEnd[_endpoint[p ^ 1]] = _labelEnd[bv] = p;
        _bestEdge[bv] = -1;
        j += step;
        while (children[Wrap(j, count)] != entryChild)
        {
            bv = children[Wrap(j, count)];
            if (_label[bv] == 1)
            {
                j += step;
                continue;
            }

            var reached = Leaves(bv).FirstOrDefault(leaf => _label[leaf] != 0, -1);
            if (reached != -1)
            {
                _label[reached] = 0;
                _label[_endpoint[_mate[_blossomBase[bv]]]] = 0;
                AssignLabel(reached, 2, _labelEnd[reached]);
            }

            j += step;
        }
    }

    private void AugmentBlossom(int b, int v)
    {
        var t = v;
        while (_blossomParent[t] != b)
        {
            t = _blossomParent[t];
        }

        if (t >= _n)
        {
            AugmentBlossom(t, v);
        }

        var children = _blossomChildren[b]!;
        var ends = _blossomEnds[b]!;
        var count = children.Count;
        var i = children.IndexOf(t);
        var (j, step, endTrick) = Direction(i, count);

        while (j != 0)
        {
            j += step;
            t = children[Wrap(j, count)];
            var p = ends[Wrap(j - endTrick, count)] ^ endTrick;
            if (t >= _n)
            {
                AugmentBlossom(t, _endpoint[p]);
            }

            j += step;
            t = children[Wrap(j, count)];
            if (t >= _n)
            {
                AugmentBlossom(t, _endpoint[p ^ 1]);
            }

            _mate[_endpoint[p]] = p ^ 1;
            _mate[_endpoint[p ^ 1]] = p;
        }

        _blossomChildren[b] = [.. children.Skip(i), .. children.Take(i)];
        _blossomEnds[b] = [.. ends.Skip(i), .. ends.Take(i)];
        _blossomBase[b] = _blossomBase[_blossomChildren[b]![0]];
    }

    private void AugmentMatching(int k)
    {
        var (v, w, _) = _edges[k];
        foreach (var (start, startEnd) in new[] { (v, (2 * k) + 1), (w, 2 * k) })
        {
            var (s, p) = (start, startEnd);
            while (true)
            {
                var bs = _inBlossom[s];
                if (bs >= _n)
                {
                    AugmentBlossom(bs, s);
                }

                _mate[s] = p;
                if (_labelEnd[bs] == -1)
                {
                    break;
                }

                var t = _endpoint[_labelEnd[bs]];
                var bt = _inBlossom[t];
                s = _endpoint[_labelEnd[bt]];
                var j = _endpoint[_labelEnd[bt] ^ 1];
                if (bt >= _n)
                {
                    AugmentBlossom(bt, j);
                }

                _mate[j] = _labelEnd[bt];
                p = _labelEnd[bt] ^ 1;
            }
        }
    }

    private void Run(bool maxCardinality)
    {
        for (var stage = 0; stage < _n; stage++)
        {
            Array.Fill(_label, 0);
            Array.Fill(_bestEdge, -1);
            Array.Fill(_blossomBestEdges, null, _n, _n);
            Array.Fill(_allowEdge, false);
            _queue.Clear();
            for (var v = 0; v < _n; v++)
            {
                if (_mate[v] == -1 && _label[_inBlossom[v]] == 0)
                {
                    AssignLabel(v, 1, -1);
                }
            }

            var augmented = false;
            while (true)
            {
                augmented = Scan();
                if (augmented || !UpdateDuals(maxCardinality))
                {
                    break;
                }
            }

            if (!augmented)
            {
                break;
            }

            for (var b = _n; b < 2 * _n; b++)
            {
                if (_blossomParent[b] == -1 && _blossomBase[b] >= 0 && _label[b] == 1 && _dual[b] == 0)
                {
                    ExpandBlossom(b, endStage: true);
                }
            }
        }
    }

    /// <summary>Grows the alternating forest over tight edges; true when the matching was augmented.</summary>
    private bool Scan()
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

                var kSlack = 0L;
                if (!_allowEdge[k])
                {
                    kSlack = Slack(k);
                    _allowEdge[k] = kSlack <= 0;
                }

                if (_allowEdge[k])
                {
                    if (_label[_inBlossom[w]] == 0)
                    {
                        AssignLabel(w, 2, p ^ 1);
                    }
                    else if (_label[_inBlossom[w]] == 1)
                    {
                        var found = ScanBlossom(v, w);
                        if (found >= 0)
                        {
                            AddBlossom(found, k);
                        }
                        else
                        {
                            AugmentMatching(k);
                            return true;
                        }
                    }
                    else if (_label[w] == 0)
                    {
                        _label[w] = 2;
                        _labelEnd[w] = p ^ 1;
                    }
                }
                else if (_label[_inBlossom[w]] == 1)
                {
                    var b = _inBlossom[v];
                    if (_bestEdge[b] == -1 || kSlack < Slack(_bestEdge[b]))
                    {
                        _bestEdge[b] = k;
                    }
                }
                else if (_label[w] == 0 && (_bestEdge[w] == -1 || kSlack < Slack(_bestEdge[w])))
                {
                    _bestEdge[w] = k;
                }
            }
        }

        return false;
    }

    /// <summary>Moves the duals by the largest step that keeps them feasible; false when the stage is over.</summary>
    private bool UpdateDuals(bool maxCardinality)
    {
        var (type, delta, deltaEdge, deltaBlossom) = (-1, 0L, -1, -1);
        if (!maxCardinality)
        {
            (type, delta) = (1, _dual.Take(_n).Min());
        }

        for (var v = 0; v < _n; v++)
        {
            if (_label[_inBlossom[v]] == 0 && _bestEdge[v] != -1)
            {
                var d = Slack(_bestEdge[v]);
                if (type == -1 || d < delta)
                {
                    (type, delta, deltaEdge) = (2, d, _bestEdge[v]);
                }
            }
        }

        for (var b = 0; b < 2 * _n; b++)
        {
            if (_blossomParent[b] == -1 && _label[b] == 1 && _bestEdge[b] != -1)
            {
                var slack = Slack(_bestEdge[b]);
                if (slack % 2 != 0)
                {
                    throw new InvalidOperationException("An S-S edge has odd slack; integer weights should rule this out.");
                }

                if (type == -1 || slack / 2 < delta)
                {
                    (type, delta, deltaEdge) = (3, slack / 2, _bestEdge[b]);
                }
            }
        }

        for (var b = _n; b < 2 * _n; b++)
        {
            if (_blossomBase[b] >= 0 && _blossomParent[b] == -1 && _label[b] == 2 && (type == -1 || _dual[b] < delta))
            {
                (type, delta, deltaBlossom) = (4, _dual[b], b);
            }
        }

        if (type == -1)
        {
            // Maximum cardinality reached: a last update keeps the duals a certificate of optimality.
            (type, delta) = (1, Math.Max(0, _dual.Take(_n).Min()));
        }

        for (var v = 0; v < _n; v++)
        {
            _dual[v] += _label[_inBlossom[v]] switch { 1 => -delta, 2 => delta, _ => 0 };
        }

        for (var b = _n; b < 2 * _n; b++)
        {
            if (_blossomBase[b] >= 0 && _blossomParent[b] == -1)
            {
                _dual[b] += _label[b] switch { 1 => delta, 2 => -delta, _ => 0 };
            }
        }

        switch (type)
        {
            case 2:
                _allowEdge[deltaEdge] = true;
                var (i, j, _) = _edges[deltaEdge];
                _queue.Add(_label[_inBlossom[i]] == 0 ? j : i);
                return true;
            case 3:
                _allowEdge[deltaEdge] = true;
                _queue.Add(_edges[deltaEdge].I);
                return true;
            case 4:
                ExpandBlossom(deltaBlossom, endStage: false);
                return true;
            default:
                return false;
        }
    }
}
