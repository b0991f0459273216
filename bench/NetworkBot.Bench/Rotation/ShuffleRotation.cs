namespace NetworkBot.Bench.Rotation;

/// <summary>Baseline (a): a seeded shuffle cut into consecutive pairs, the last three a trio when N is odd; no memory.</summary>
internal sealed class ShuffleRotation(int count, long seed) : IRotationStrategy
{
    private readonly Random random = new(checked((int)seed));

    public string Name => "baseline: shuffle";

    public int[][] NextRound(IReadOnlyList<int[][]> history)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order.AsSpan());
        var groups = order.Chunk(2).ToList();
        if (groups[^1].Length == 1)
        {
            groups[^2] = [.. groups[^2], .. groups[^1]];
            groups.RemoveAt(groups.Count - 1);
        }

        return [.. groups];
    }
}
