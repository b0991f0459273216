namespace NetworkBot.Tests;

/// <summary>
/// A bucket as Discord describes it in its <c>X-RateLimit-*</c> headers: <c>limit</c> calls per window that starts with
/// the first call after the last window ended. Thread-safe.
/// </summary>
public sealed class FakeWindow(int limit, TimeSpan per)
{
    private readonly Lock gate = new();
    private DateTimeOffset start = DateTimeOffset.MinValue;
    private int used;

    public int Limit => limit;

    /// <summary>Counts one call at <paramref name="now"/> if the window has room; returns the calls left after it (below 0: refused) and when the window resets.</summary>
    public (int Remaining, TimeSpan ResetAfter) Take(DateTimeOffset now)
    {
        lock (gate)
        {
            if (now - start >= per)
            {
                (start, used) = (now, 0);
            }

            var remaining = limit - used - 1;
            if (remaining >= 0)
            {
                used++;
            }

            return (remaining, start + per - now);
        }
    }
}
