namespace NetworkBot.Transport;

/// <summary>
/// Spaces calls evenly at a rate, letting up to <c>burst</c> go at once after a quiet spell (the generic cell rate
/// algorithm). Each caller reserves its own moment, so a hundred callers waiting on one limit each wake once, at their
/// turn, instead of all waking whenever a slot frees and racing for it. Not thread-safe: the limiter that owns it
/// calls it under its lock.
/// </summary>
/// <remarks>
/// A platform counts calls as they arrive, after the network's variable delay; a pacer whose <c>burst</c> is smaller
/// than the platform's leaves that difference as slack, so calls bunched up on the way still fit.
/// </remarks>
public sealed class RatePacer
{
    private readonly TimeSpan interval;
    private readonly TimeSpan tolerance;

    /// <summary>When the next call would be due if calls had gone at exactly the rate (the "theoretical arrival time").</summary>
    private DateTimeOffset next = DateTimeOffset.MinValue;

    public RatePacer(double perSecond, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        interval = TimeSpan.FromSeconds(1 / perSecond);
        tolerance = interval * (burst - 1);
        PerSecond = perSecond;
    }

    public double PerSecond { get; }

    /// <summary>
    /// Reserves the first moment from <paramref name="now"/> (and not before <paramref name="notBefore"/>, a pause a 429
    /// asked for) when one more call keeps to the rate, and returns how long to wait for it.
    /// </summary>
    public TimeSpan Reserve(DateTimeOffset now, DateTimeOffset notBefore)
    {
        var start = now > notBefore ? now : notBefore;
        var earliest = next == DateTimeOffset.MinValue ? start : next - tolerance;
        var at = start > earliest ? start : earliest;
        next = (next > at ? next : at) + interval;
        return at - now;
    }
}
