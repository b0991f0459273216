using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Discord.Rest;
using NetworkBot.Transport;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// The Discord gateway of this process: runs its shards and hands every dispatch (READY and RESUMED included) to
/// <see cref="Dispatches"/>, a bounded channel that consumers read elsewhere. With <c>Discord:ShardId</c> and
/// <c>Discord:ShardCount</c> set it runs that one shard; otherwise all shards <c>GET /gateway/bot</c> recommends,
/// started bucket by bucket (<c>max_concurrency</c> at a time), 5 s apart.
/// </summary>
public sealed class DiscordGateway(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    PlatformConnections connections,
    TimeProvider time,
    [FromKeyedServices(typeof(DiscordGateway))] Random random,
    ILogger<DiscordGateway> logger)
{
    public const int DispatchCapacity = 1024;

    private readonly Channel<GatewayDispatch> dispatches = Channel.CreateBounded<GatewayDispatch>(
        new BoundedChannelOptions(DispatchCapacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Every dispatch of every shard, in order per shard. Completes when <see cref="RunAsync"/> ends.</summary>
    public ChannelReader<GatewayDispatch> Dispatches => dispatches.Reader;

    /// <summary>
    /// Connects and keeps the shards connected, reconnecting and resuming as Discord asks. Returns when
    /// <paramref name="ct"/> is cancelled, after closing the sockets. Call it once.
    /// </summary>
    /// <exception cref="DiscordGatewayFatalException">
    /// A shard was closed with a code reconnecting cannot fix (bad token, disallowed intents, bad shard settings);
    /// the other shards are stopped first and the cause and fix have been logged.
    /// </exception>
    public async Task RunAsync(CancellationToken ct)
    {
        var token = options.Value.Token;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("Discord:Token is not set, so the Discord gateway cannot connect.");
        }

        try
        {
            var bot = await new ReconnectLoop(time, ReconnectLoop.Reconnects, random).UntilDoneAsync(
                rest.GetGatewayBotAsync,
                DiscordOutage.Is,
                (exception, delay, failures) => GatewayLog.GatewayUrlWaiting(logger, exception.Message, delay.TotalSeconds, failures),
                ct).ConfigureAwait(false);
            var sessionStarts = new SessionStartLimiter(bot.SessionStartLimit, time, logger);
            var bucketSize = Math.Max(1, bot.SessionStartLimit.MaxConcurrency);
            var (first, count, total) = options.Value is { ShardId: { } id, ShardCount: { } of } ? (id, 1, of) : (0, bot.Shards, bot.Shards);
            var shards = Enumerable.Range(first, count).Select((shardId, index) =>
            {
                connections.Expect(DiscordPlatform.PlatformName, GatewayShard.ConnectionName(shardId));
                var shard = new GatewayShard(shardId, total, token, new Uri(bot.Url), sessionStarts, dispatches.Writer, connections, time, random, logger);
                return (Func<CancellationToken, Task>)(c => RunShardAsync(shard, SessionStartLimiter.ConcurrencyWindow * (index / bucketSize), c));
            }).ToList();
            await ConnectionGroup.RunAsync(shards, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down is the normal way to end.
        }
        finally
        {
            dispatches.Writer.TryComplete();
        }
    }

    private async Task RunShardAsync(GatewayShard shard, TimeSpan startAfter, CancellationToken ct)
    {
        await Task.Delay(startAfter, time, ct).ConfigureAwait(false);
        await shard.RunAsync(ct).ConfigureAwait(false);
    }
}
