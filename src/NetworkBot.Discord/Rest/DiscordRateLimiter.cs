using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Transport;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// Keeps Discord's HTTP rate limits: a bucket per route (learned from <c>X-RateLimit-Bucket</c> plus the
/// route's major parameters), the global limit (<see cref="DiscordOptions.GlobalRequestsPerSecond"/>, 50 by Discord's
/// documentation), and the pauses 429s ask for. One instance per bot token: register it as a singleton.
/// </summary>
/// <remarks>
/// The global limit is kept by pacing: calls are spaced evenly at the rate, after a burst of nine tenths of a second's
/// worth (<see cref="GlobalBurst"/>) after a quiet spell, so a round's thousands of calls go out as fast as Discord allows
/// without a 429: Discord counts calls as they arrive, and the tenth of a second kept back absorbs calls bunched up on the way.
/// </remarks>
public sealed class DiscordRateLimiter(TimeProvider time, TransportMetrics metrics, IOptions<DiscordOptions> options, ILogger<DiscordRateLimiter> logger)
{
    /// <summary>Discord's documented global limit per bot, the default of <see cref="DiscordOptions.GlobalRequestsPerSecond"/>.</summary>
    public const int DocumentedGlobalRequestsPerSecond = 50;

    // Every interaction token and channel makes its own bucket; past this many, buckets whose reset has
    // passed (they hold nothing back) are dropped so a long-running bot does not grow without bound.
    private const int PruneAbove = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, string> bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly RatePacer global = new(options.Value.GlobalRequestsPerSecond, GlobalBurstFor(options.Value.GlobalRequestsPerSecond));
    private DateTimeOffset globalPausedUntil = DateTimeOffset.MinValue;

    /// <summary>
    /// The longest wait taken inline. A longer one (a 20-minute shared-resource limit) is handed back
    /// as <see cref="DiscordRateLimitedException"/> so the caller can reschedule instead of holding a worker.
    /// </summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How many calls may go at once after a quiet spell: nine tenths of a second's worth of the global rate, at least one.</summary>
    public int GlobalBurst => GlobalBurstFor(global.PerSecond);

    /// <summary>
    /// Waits until <paramref name="route"/> may be called, then takes its place in the bucket and its turn in the global
    /// pace (reserved under the lock, so concurrent callers are spaced, never woken together to race for one slot).
    /// </summary>
    /// <exception cref="DiscordRateLimitedException">The wait would be longer than <see cref="MaxWait"/>.</exception>
    public async ValueTask AcquireAsync(DiscordRoute route, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(route);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            TimeSpan wait;

            // Reserved: the bucket had room, so its place and the global turn are taken and what is left to wait is the turn's.
            bool reserved;
            lock (gate)
            {
                var now = time.GetUtcNow();
                var bucket = BucketFor(route);
                wait = bucket.WaitAt(now);
                reserved = wait <= TimeSpan.Zero;
                if (reserved)
                {
                    if (!route.IsExemptFromGlobalLimit && now + MaxWait < globalPausedUntil)
                    {
                        throw new DiscordRateLimitedException(globalPausedUntil - now, "global");
                    }

                    bucket.Take();
                    wait = route.IsExemptFromGlobalLimit ? TimeSpan.Zero : global.Reserve(now, globalPausedUntil);
                }
            }

            if (wait > MaxWait)
            {
                throw new DiscordRateLimitedException(wait, reserved ? "global" : "route");
            }

            if (wait > TimeSpan.Zero)
            {
                DiscordRestLog.WaitingForRateLimit(logger, route.Method.Method, route.Template, wait.TotalSeconds, reserved);
                metrics.RateLimitWaited(DiscordPlatform.PlatformName, wait);
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }

            if (reserved)
            {
                return;
            }
        }
    }

    /// <summary>Records what a response's headers say about its bucket.</summary>
    public void OnResponse(DiscordRoute route, DiscordRateLimitHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(headers);
        lock (gate)
        {
            if (headers.Bucket is { } hash)
            {
                bucketHashByRoute[route.RouteKey] = hash;
            }

            if (headers.Remaining is { } remaining && headers.ResetAfter is { } resetAfter)
            {
                BucketFor(route).Set(remaining, time.GetUtcNow() + resetAfter);
            }

            if (buckets.Count > PruneAbove)
            {
                var now = time.GetUtcNow();
                foreach (var (key, _) in buckets.Where(b => b.Value.WaitAt(now) == TimeSpan.Zero).ToList())
                {
                    buckets.Remove(key);
                }
            }
        }
    }

    /// <summary>Records a 429: a global one pauses every non-exempt route, any other pauses the route's bucket.</summary>
    public void OnRateLimited(DiscordRoute route, DiscordRateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(limit);
        DiscordRestLog.RateLimited(logger, route.Method.Method, route.Template, limit.Scope, limit.IsGlobal, limit.RetryAfter.TotalSeconds);
        lock (gate)
        {
            var until = time.GetUtcNow() + limit.RetryAfter;
            if (limit.IsGlobal && !route.IsExemptFromGlobalLimit)
            {
                if (until > globalPausedUntil)
                {
                    globalPausedUntil = until;
                }
            }
            else
            {
                BucketFor(route).Set(0, until);
            }
        }
    }

    private Bucket BucketFor(DiscordRoute route)
    {
        var key = bucketHashByRoute.TryGetValue(route.RouteKey, out var hash)
            ? $"{hash}|{route.Major}"
            : $"{route.RouteKey}|{route.Major}";
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket();
            buckets[key] = bucket;
        }

        return bucket;
    }

    private static int GlobalBurstFor(double perSecond) => Math.Max(1, (int)(perSecond * 0.9));

    /// <summary>One bucket's state; unknown until its first response, so the first request is never held.</summary>
    private sealed class Bucket
    {
        private int? remaining;
        private DateTimeOffset resetAt = DateTimeOffset.MinValue;

        public TimeSpan WaitAt(DateTimeOffset now)
        {
            if (now >= resetAt)
            {
                remaining = null;
                return TimeSpan.Zero;
            }

            return remaining is <= 0 ? resetAt - now : TimeSpan.Zero;
        }

        public void Take()
        {
            if (remaining is { } r)
            {
                remaining = r - 1;
            }
        }

        public void Set(int remainingNow, DateTimeOffset reset)
        {
            remaining = remainingNow;
            resetAt = reset;
        }
    }
}
