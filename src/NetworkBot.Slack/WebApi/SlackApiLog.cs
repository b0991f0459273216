using Microsoft.Extensions.Logging;

namespace NetworkBot.Slack.WebApi;

/// <summary>Web API log lines: method names, attempts and Slack's error codes only, never a token or a message text.</summary>
internal static partial class SlackApiLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Waiting {DelaySeconds:0.###} s for Slack's rate limit of {Method}")]
    public static partial void WaitingForRateLimit(ILogger logger, string method, double delaySeconds);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Slack rate limited {Method} (attempt {Attempt}); retry after {RetryAfterSeconds:0.###} s")]
    public static partial void RateLimited(ILogger logger, string method, int attempt, double retryAfterSeconds);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Slack answered {Status} to {Method} (attempt {Attempt}); retrying in {DelaySeconds:0.###} s")]
    public static partial void ServerErrorRetrying(ILogger logger, int status, string method, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Network error calling Slack {Method} (attempt {Attempt}); retrying in {DelaySeconds:0.###} s")]
    public static partial void NetworkErrorRetrying(ILogger logger, Exception exception, string method, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "Slack rejected the bot token on {Method} ({Error}); check Slack:BotToken")]
    public static partial void Unauthorized(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Slack refused {Method}: {Error}")]
    public static partial void Refused(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Debug, Message = "Slack warned on {Method}: {Warning}")]
    public static partial void Warned(ILogger logger, string method, string warning);
}
