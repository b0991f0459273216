namespace NetworkBot.Bench.Rotation;

/// <summary>How a cycle of rounds repeated itself: rounds before the first repeat pair, and repeat pairs among all pairs formed.</summary>
internal sealed record RotationScore(int CleanRoundsBeforeFirstRepeat, int RepeatPairs, int Pairs)
{
    public double RepeatShare => Pairs == 0 ? 0 : (double)RepeatPairs / Pairs;

    public static RotationScore Of(int count, IReadOnlyList<int[][]> rounds)
    {
        var met = new bool[count, count];
        int repeats = 0, pairs = 0, clean = -1;
        for (var round = 0; round < rounds.Count; round++)
        {
            var repeatsBefore = repeats;
            foreach (var (a, b) in PairsIn(rounds[round]))
            {
                pairs++;
                repeats += met[a, b] ? 1 : 0;
            }

            foreach (var (a, b) in PairsIn(rounds[round]))
            {
                met[a, b] = met[b, a] = true;
            }

            if (clean < 0 && repeats > repeatsBefore)
            {
                clean = round;
            }
        }

        return new RotationScore(clean < 0 ? rounds.Count : clean, repeats, pairs);
    }

    public static bool[,] MetMatrix(int count, IReadOnlyList<int[][]> rounds)
    {
        var met = new bool[count, count];
        foreach (var (a, b) in rounds.SelectMany(PairsIn))
        {
            met[a, b] = met[b, a] = true;
        }

        return met;
    }

    private static IEnumerable<(int A, int B)> PairsIn(int[][] groups)
    {
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    yield return (group[i], group[j]);
                }
            }
        }
    }
}
