namespace NetworkBot.Bench.Quality;

/// <summary>The best perfect matching by trying them all (9!! = 945 for ten vertices): the check on the exact matcher.</summary>
internal static class BruteForceMatching
{
    public static long BestPerfectWeight(int count, Func<int, int, long> weight)
    {
        var used = new bool[count];
        return Best(0);

        long Best(int from)
        {
            while (from < count && used[from])
            {
                from++;
            }

            if (from == count)
            {
                return 0;
            }

            used[from] = true;
            var best = long.MinValue;
            for (var other = from + 1; other < count; other++)
            {
                if (!used[other])
                {
                    used[other] = true;
                    best = Math.Max(best, weight(from, other) + Best(from + 1));
                    used[other] = false;
                }
            }

            used[from] = false;
            return best;
        }
    }

    /// <summary>
    /// Compares the exact matcher with brute force on random small complete graphs; returns how many were checked and
    /// the first disagreement, if any.
    /// </summary>
    public static (int Checked, string? Disagreement) CheckExactMatcher(int instances, long seed)
    {
        var random = new Random(checked((int)seed));
        for (var instance = 0; instance < instances; instance++)
        {
            var count = 2 * (1 + random.Next(5));
            var maxWeight = 1 + random.Next(instance % 3 == 0 ? 2 : 20);
            var weights = new long[count, count];
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    weights[i, j] = weights[j, i] = random.Next(maxWeight + 1);
                }
            }

            var mate = CompleteGraphMatching.Solve(count, (i, j) => weights[i, j]);
            var expected = BestPerfectWeight(count, (i, j) => weights[i, j]);
            var perfect = Enumerable.Range(0, count).All(v => mate[v] >= 0 && mate[v] != v && mate[mate[v]] == v);
            var found = perfect ? Enumerable.Range(0, count).Where(v => v < mate[v]).Sum(v => weights[v, mate[v]]) : -1;
            if (!perfect || found != expected)
            {
                return (instance + 1, $"instance {instance + 1} ({count} vertices): exact matcher {found}, brute force {expected}");
            }
        }

        return (instances, null);
    }
}
