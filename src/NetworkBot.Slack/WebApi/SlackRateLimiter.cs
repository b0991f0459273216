using Microsoft.Extensions.Logging;
using NetworkBot.Transport;

namespace NetworkBot.Slack.WebApi;

/// <summary>
/// Keeps the pauses Slack's 429s ask for. Slack limits each Web API method separately (per workspace and app), so
/// a pause holds back only its own method: a rate-limited <c>conversations.create</c> does not delay
/// <c>chat.postMessage</c>. One instance per bot token: register it as a singleton.
/// </summary>
public sealed class SlackRateLimiter(TimeProvider time, TransportMetrics metrics, ILogger<SlackRateLimiter> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> pausedUntil = new(StringComparer.Ordinal);

    /// <summary>
    /// The longest wait taken inline; a longer one is handed back as a <see cref="SlackApiException"/> with
    /// <see cref="SlackApiErrors.RateLimited"/> so the caller can reschedule instead of holding a worker.
    /// </summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Waits until <paramref name="method"/> may be called again.</summary>
    /// <exception cref="SlackApiException">The wait would be longer than <see cref="MaxWait"/>.</exception>
    public async ValueTask AcquireAsync(string method, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(method);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var wait = WaitFor(method);
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

    private TimeSpan WaitFor(string method)
    {
        lock (gate)
        {
            if (!pausedUntil.TryGetValue(method, out var until))
            {
                return TimeSpan.Zero;
            }

            var wait = until - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                pausedUntil.Remove(method);
            }

            return wait;
        }
    }
}
