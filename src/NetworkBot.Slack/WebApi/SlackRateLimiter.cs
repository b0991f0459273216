using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Transport;

namespace NetworkBot.Slack.WebApi;

/// <summary>
/// Keeps Slack's per-method rate limits. Slack limits each Web API method separately (per workspace and app), so a
/// method's pace and the pauses its 429s ask for hold back only that method: a rate-limited <c>conversations.create</c>
/// does not delay <c>chat.postMessage</c>. One instance per bot token: register it as a singleton.
/// </summary>
/// <remarks>
/// The methods a fan-out calls thousands of times (<see cref="SlackOptions.MethodsPerMinute"/>: a round's
/// <c>conversations.open</c> and <c>chat.postMessage</c>, interest spaces' invites) are paced to their tier, evenly
/// spaced after a burst of just under a tenth of a minute's worth (<see cref="BurstFor"/>), so a round goes out as fast as Slack allows with next to no 429s; waiting for 429s alone would have a
/// fifth of a round's calls refused. Other methods (an answer's <c>views.open</c>, whose trigger expires in 3 s) are not
/// held back beyond the pauses their 429s ask for.
/// </remarks>
public sealed class SlackRateLimiter(TimeProvider time, TransportMetrics metrics, IOptions<SlackOptions> options, ILogger<SlackRateLimiter> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> pausedUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RatePacer> paced = options.Value.MethodsPerMinute
        .Where(m => m.Value > 0)
        .ToDictionary(m => m.Key, m => new RatePacer(m.Value / 60, BurstFor(m.Value)), StringComparer.Ordinal);

    /// <summary>
    /// The longest wait taken inline; a longer one is handed back as a <see cref="SlackApiException"/> with
    /// <see cref="SlackApiErrors.RateLimited"/> so the caller can reschedule instead of holding a worker.
    /// </summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Waits until <paramref name="method"/> may be called: past any pause a 429 asked for and, for a paced method, at
    /// its turn (reserved under the lock, so concurrent callers are spaced rather than woken together).
    /// </summary>
    /// <exception cref="SlackApiException">The wait would be longer than <see cref="MaxWait"/>.</exception>
    public async ValueTask AcquireAsync(string method, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(method);
        ct.ThrowIfCancellationRequested();
        var wait = Reserve(method);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > MaxWait)
        {
            throw new SlackApiException(method, SlackApiErrors.RateLimited, retryAfter: wait);
        }

        SlackApiLog.WaitingForRateLimit(logger, method, wait.TotalSeconds);
        metrics.RateLimitWaited(SlackPlatform.PlatformName, wait);
        await Task.Delay(wait, time, ct).ConfigureAwait(false);
    }

    /// <summary>Records a 429 for <paramref name="method"/>: it waits <paramref name="retryAfter"/> from now; other methods do not.</summary>
    public void OnRateLimited(string method, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (!pausedUntil.TryGetValue(method, out var current) || until > current)
            {
                pausedUntil[method] = until;
            }
        }
    }

    /// <summary>How long <paramref name="method"/> waits from now; a paced method's turn is taken, a longer pause than <see cref="MaxWait"/> takes none.</summary>
    private TimeSpan Reserve(string method)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var until = pausedUntil.GetValueOrDefault(method, DateTimeOffset.MinValue);
            if (until <= now)
            {
                pausedUntil.Remove(method);
            }
            else if (until - now > MaxWait)
            {
                return until - now;
            }

            return paced.TryGetValue(method, out var pacer) ? pacer.Reserve(now, until) : Max(until - now, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// How many calls of a paced method may go at once after a quiet spell: a little under six seconds' worth (9 % of its
    /// minute), at least one. Slack tolerates bursts without saying how large; a tenth of the minute is a cautious
    /// reading, and staying a hundredth of a minute under it leaves room for calls bunched up on the way.
    /// </summary>
    public static int BurstFor(double perMinute) => Math.Max(1, (int)(perMinute * 0.09));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
