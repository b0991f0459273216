namespace NetworkBot.Tests;

/// <summary>A <see cref="Random"/> that always draws the same fraction, so jitter and backoff are exact in tests.</summary>
public sealed class FixedRandom(double fraction) : Random
{
    /// <summary>The top of the range: a jittered backoff waits its full, un-jittered length (to the tick).</summary>
    public static FixedRandom Top { get; } = new(1.0 - 1e-12);

    public override double NextDouble() => fraction;

    public override int Next(int minValue, int maxValue) => minValue + (int)((maxValue - minValue) * fraction);
}
