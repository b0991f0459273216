using Microsoft.Extensions.Logging;

namespace NetworkBot.Discord.Gateway;

/// <summary>Gateway log lines: shard, close codes and causes; never the token or an event's data.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Gateway shard {ShardId}/{ShardCount} connecting to {Url} to {Mode}")]
    public static partial void Connecting(ILogger logger, int shardId, int shardCount, Uri url, string mode);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Gateway shard {ShardId} ready: application {ApplicationId}, {GuildCount} guilds")]
    public static partial void Ready(ILogger logger, int shardId, string applicationId, int guildCount);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Gateway shard {ShardId} resumed its session")]
    public static partial void Resumed(ILogger logger, int shardId);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Gateway shard {ShardId} disconnected: {Reason}; next: {Action}")]
    public static partial void Disconnected(ILogger logger, int shardId, string reason, GatewayCloseAction action);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "Gateway shard {ShardId} got no heartbeat ACK since its last heartbeat; dropping the connection to resume")]
    public static partial void Zombie(ILogger logger, int shardId);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Critical, Message = "Discord closed gateway shard {ShardId} with {CloseCode} ({Cause}), not reconnecting: {Fix}")]
    public static partial void Fatal(ILogger logger, int shardId, int closeCode, string cause, string fix);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Gateway shard {ShardId}: no session starts left; waiting {WaitSeconds:0.###} s for Discord to reset the limit")]
    public static partial void WaitingForSessionStartLimit(ILogger logger, int shardId, double waitSeconds);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Information, Message = "Gateway shard {ShardId} reconnecting in {DelaySeconds:0.###} s (attempt {Attempt})")]
    public static partial void BackingOff(ILogger logger, int shardId, double delaySeconds, int attempt);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Debug, Message = "Gateway shard {ShardId} ignored a frame that is not a gateway payload")]
    public static partial void UnreadableFrame(ILogger logger, int shardId);

    [LoggerMessage(EventId = 2309, Level = LogLevel.Warning, Message = "Could not get the gateway URL from Discord ({Reason}); trying again in {DelaySeconds:0.#} s (failure {Failures} in a row)")]
    public static partial void GatewayUrlWaiting(ILogger logger, string reason, double delaySeconds, int failures);
}
