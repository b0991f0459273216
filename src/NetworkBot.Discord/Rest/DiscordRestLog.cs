using Microsoft.Extensions.Logging;

namespace NetworkBot.Discord.Rest;

/// <summary>REST log lines. Routes are logged by template only: paths of interaction routes carry tokens.</summary>
internal static partial class DiscordRestLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Waiting {DelaySeconds:0.###} s for the Discord rate limit of {Method} {Route} (global: {Global})")]
    public static partial void WaitingForRateLimit(ILogger logger, string method, string route, double delaySeconds, bool global);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Discord rate limited {Method} {Route}: scope {Scope}, global {Global}, retry after {RetryAfterSeconds:0.###} s")]
    public static partial void RateLimited(ILogger logger, string method, string route, string scope, bool global, double retryAfterSeconds);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Discord answered {Status} to {Method} {Route} (attempt {Attempt}); retrying in {DelaySeconds:0.###} s")]
    public static partial void ServerErrorRetrying(ILogger logger, int status, string method, string route, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Network error calling Discord {Method} {Route} (attempt {Attempt}); retrying in {DelaySeconds:0.###} s")]
    public static partial void NetworkErrorRetrying(ILogger logger, Exception exception, string method, string route, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Discord rejected the bot token (401) on {Method} {Route}; not retrying. Check Discord:Token.")]
    public static partial void Unauthorized(ILogger logger, string method, string route);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Discord refused {Method} {Route}: {Status} code {Code}")]
    public static partial void Refused(ILogger logger, string method, string route, int status, int? code);
}
