namespace NetworkBot.Discord.Tests.Gateway;

/// <summary>A <see cref="Random"/> that always draws the same fraction, so jitter and backoff are exact in tests.</summary>
public sealed class FixedRandom(double fraction) : Random
{
    public override double NextDouble() => fraction;

    public override int Next(int minValue, int maxValue) => minValue + (int)((maxValue - minValue) * fraction);
}
