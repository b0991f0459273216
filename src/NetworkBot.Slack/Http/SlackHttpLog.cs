using Microsoft.Extensions.Logging;

namespace NetworkBot.Slack.Http;

/// <summary>HTTP-mode log lines: paths and reasons; never the signing secret, a signature or a body.</summary>
internal static partial class SlackHttpLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Rejected a request to {Path}: no valid Slack signature (missing or wrong X-Slack-Signature, or a timestamp more than 5 minutes off)")]
    public static partial void Unsigned(ILogger logger, string path);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Rejected a signed request to {Path}: its body is not what Slack sends there")]
    public static partial void Unreadable(ILogger logger, string path);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Debug, Message = "Slack retried {DeliveryId} (retry {RetryAttempt}); answering it with the first request's answer if that has not reached Slack, without handling it again")]
    public static partial void Redelivery(ILogger logger, string deliveryId, int retryAttempt);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Warning, Message = "The Slack inbox stayed full for {WaitSeconds} s; answered {Path} with 503 so Slack tries again later")]
    public static partial void InboxFull(ILogger logger, string path, double waitSeconds);
}
