using Microsoft.Extensions.Logging;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// The identify budget of <c>GET /gateway/bot</c>, shared by all shards of the process: with none left it waits
/// <c>reset_after</c>, and each <c>shard_id % max_concurrency</c> bucket identifies at most once per 5 s.
/// Resumes do not count and do not pass through here.
/// </summary>
internal sealed class SessionStartLimiter(DiscordSessionStartLimit limit, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan ConcurrencyWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BudgetPeriod = TimeSpan.FromHours(24);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<int, DateTimeOffset> lastIdentify = [];
    private readonly int maxConcurrency = Math.Max(1, limit.MaxConcurrency);
    private int remaining = limit.Remaining;
    private DateTimeOffset resetAt = time.GetUtcNow() + limit.ResetAfterTime;

    /// <summary>Before connecting to identify: waits out an empty budget until <c>reset_after</c> has passed.</summary>
    public async Task WaitForBudgetAsync(int shardId, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() >= resetAt)
            {
                Refill();
            }

            if (remaining <= 0)
            {
                var wait = resetAt - time.GetUtcNow();
                GatewayLog.WaitingForSessionStartLimit(logger, shardId, wait.TotalSeconds);
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
                Refill();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Right before sending Identify: keeps the shard's bucket to one identify per 5 s and counts it.</summary>
    public async Task WaitForTurnAsync(int shardId, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var bucket = shardId % maxConcurrency;
            if (lastIdentify.TryGetValue(bucket, out var last) && last + ConcurrencyWindow > time.GetUtcNow())
            {
                await Task.Delay(last + ConcurrencyWindow - time.GetUtcNow(), time, ct).ConfigureAwait(false);
            }

            remaining--;
            lastIdentify[bucket] = time.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Discord gives the whole budget back when <c>reset_after</c> has passed.</summary>
    private void Refill()
    {
        remaining = limit.Total;
        resetAt = time.GetUtcNow() + BudgetPeriod;
    }
}
