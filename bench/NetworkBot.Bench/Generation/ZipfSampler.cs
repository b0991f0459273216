namespace NetworkBot.Bench.Generation;

/// <summary>Picks ranks 0..count-1 with probability proportional to 1/(rank+1)^exponent: a few popular, a long tail.</summary>
internal sealed class ZipfSampler
{
    private readonly double[] cumulative;

    public ZipfSampler(int count, double exponent)
    {
        cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = total;
        }
    }

    public int Count => cumulative.Length;

    public int Next(Random random)
    {
        var point = random.NextDouble() * cumulative[^1];
        var at = Array.BinarySearch(cumulative, point);
        return Math.Min(at >= 0 ? at + 1 : ~at, cumulative.Length - 1);
    }

    /// <summary><paramref name="how"/> distinct ranks, still weighted by popularity.</summary>
    public int[] Distinct(Random random, int how)
    {
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(how, Count))
        {
            picked.Add(Next(random));
        }

        return [.. picked];
    }
}
