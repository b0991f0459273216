namespace NetworkBot.Bench.Rotation;

/// <summary>A way to pair a stable membership round after round; members are indices 0..N-1.</summary>
internal interface IRotationStrategy
{
    string Name { get; }

    /// <summary>The groups of the next round, given every earlier round of the cycle, oldest first.</summary>
    int[][] NextRound(IReadOnlyList<int[][]> history);
}
