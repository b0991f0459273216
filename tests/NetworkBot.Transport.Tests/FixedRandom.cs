namespace NetworkBot.Transport.Tests;

/// <summary>A <see cref="Random"/> that always draws the same fraction, so a jittered wait is exact.</summary>
public sealed class FixedRandom(double fraction) : Random
{
    public override double NextDouble() => fraction;
}
