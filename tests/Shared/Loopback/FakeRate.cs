namespace NetworkBot.Tests;

/// <summary>
/// A rate limit as a fake platform enforces it on the calls that reach it: <c>perSecond</c> on average, up to
/// <c>burst</c> at once after a quiet spell (the generic cell rate algorithm, which is what "N per second with bursts"
/// means for a token bucket of <c>burst</c> tokens refilled at the rate). Thread-safe.
/// </summary>
public sealed class FakeRate
{
    private readonly Lock gate = new();
    private readonly TimeSpan interval;
    private readonly TimeSpan tolerance;
    private DateTimeOffset next = DateTimeOffset.MinValue;

    public FakeRate(double perSecond, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        PerSecond = perSecond;
        Burst = burst;
        interval = TimeSpan.FromSeconds(1 / perSecond);
        tolerance = interval * (burst - 1);
    }

    public double PerSecond { get; }

    public int Burst { get; }

    /// <summary>Counts one call at <paramref name="now"/> when it keeps to the limit; otherwise how long until one would.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        lock (gate)
        {
            var earliest = next == DateTimeOffset.MinValue ? now : next - tolerance;
            if (now < earliest)
            {
                return earliest - now;
            }

            next = (next > now ? next : now) + interval;
            return null;
        }
    }
}
