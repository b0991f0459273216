using Microsoft.Extensions.Logging;

namespace NetworkBot.Core.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Delivered outbox message {OutboxId} of {Community}")]
    public static partial void Delivered(ILogger logger, long outboxId, string community);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} of {Community} will be retried at {RetryAt}: {Reason}")]
    public static partial void Retrying(ILogger logger, long outboxId, string community, DateTimeOffset retryAt, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} of {Community} cannot be delivered: {Reason}")]
    public static partial void GaveUp(ILogger logger, long outboxId, string community, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Delivering outbox message {OutboxId} of {Community} threw")]
    public static partial void Threw(ILogger logger, Exception exception, long outboxId, string community);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Stopping: {Count} outbox deliveries under way get up to {Grace} to finish")]
    public static partial void Draining(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Outbox deliveries still under way after {Grace} are cancelled; they are tried again at the next start")]
    public static partial void GraceExpired(ILogger logger, TimeSpan grace);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} of {Community} was cancelled before its outcome was recorded")]
    public static partial void Abandoned(ILogger logger, long outboxId, string community);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Listing the due outbox messages failed; trying again at the next poll")]
    public static partial void ListingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Releasing the outbox claims at stop failed; they end with their lease")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception);
}
