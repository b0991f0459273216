namespace NetworkBot.Transport;

/// <summary>
/// Capped exponential backoff with jitter, the one formula every retry and reconnect uses: attempt n waits
/// <c>min(Max, First · 2^(n−1))</c> scaled by a random factor in [0.5, 1). The jitter keeps many clients that
/// failed together (a platform outage) from coming back in step; the floor of one half keeps the wait growing.
/// </summary>
/// <param name="First">The wait after the first failure, before jitter.</param>
/// <param name="Max">The longest wait, before jitter.</param>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>Past this many doublings every wait is capped anyway; the bound keeps the arithmetic finite.</summary>
    private const int MaxDoublings = 16;

    /// <summary>The wait before retrying after <paramref name="attempt"/> failures in a row (1 for the first).</summary>
    public TimeSpan Delay(int attempt, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentNullException.ThrowIfNull(random);
        var capped = Math.Min(Max.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, MaxDoublings)));
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random.NextDouble() / 2)));
    }
}
