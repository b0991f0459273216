using Microsoft.Extensions.Logging;

namespace NetworkBot.Slack;

/// <summary>Delivery log lines: ids and Slack's reasons only, never a message text.</summary>
internal static partial class SlackPlatformLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Slack would not open a group DM for outbox message {OutboxId} of {Community} ({Reason}); sending by DM instead")]
    public static partial void GroupDmRefused(ILogger logger, long outboxId, string community, string reason);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Could not DM member {Member} for outbox message {OutboxId} of {Community}: {Reason}")]
    public static partial void DirectMessageFailed(ILogger logger, string member, long outboxId, string community, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Slack refused to show the history of {Channel} ({Reason}), so outbox message {OutboxId} of {Community} is posted without looking for an earlier post; grant the *:history scopes to rule out a duplicate")]
    public static partial void LookupRefused(ILogger logger, string channel, long outboxId, string community, string reason);
}
