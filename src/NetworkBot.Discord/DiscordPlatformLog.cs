using Microsoft.Extensions.Logging;

namespace NetworkBot.Discord;

/// <summary>Delivery log lines: ids and Discord's reasons only, never a message body.</summary>
internal static partial class DiscordPlatformLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Discord refused a private thread in channel {Channel} for outbox message {OutboxId} of {Community} (code {Code}); sending by DM instead")]
    public static partial void ThreadRefused(ILogger logger, string channel, long outboxId, string community, int? code);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Could not add member {Member} to thread {Thread} for outbox message {OutboxId} of {Community}: {Reason}")]
    public static partial void ThreadMemberNotAdded(ILogger logger, string member, string thread, long outboxId, string community, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Could not DM member {Member} for outbox message {OutboxId} of {Community}: {Reason}")]
    public static partial void DirectMessageFailed(ILogger logger, string member, long outboxId, string community, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Discord refused to show what an earlier attempt made in {Channel} for outbox message {OutboxId} of {Community} (code {Code}); doing it again")]
    public static partial void LookupRefused(ILogger logger, string channel, long outboxId, string community, int? code);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "Could not post outbox message {OutboxId} of {Community} in thread {Thread}, where the conversation it continues began: {Reason}; sending by DM instead")]
    public static partial void ContinuedThreadGone(ILogger logger, long outboxId, string community, string thread, string reason);
}
