using Microsoft.Extensions.Logging;

namespace NetworkBot.Slack.SocketMode;

/// <summary>Socket Mode log lines: connections, reasons and delays; never a token, a ticket URL or a payload.</summary>
internal static partial class SocketModeLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Slack Socket Mode connection {Connection} ready: {OpenSockets} sockets open, Slack recycles it in about {RecycleSeconds} s")]
    public static partial void Connected(ILogger logger, int connection, int openSockets, int recycleSeconds);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} ended: {Reason}")]
    public static partial void Disconnected(ILogger logger, int connection, string reason);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Slack asked to replace Socket Mode connection {Connection} ({Reason}); opening the next one before closing it")]
    public static partial void Replacing(ILogger logger, int connection, string reason);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "Slack refused another socket (too_many_websockets: more than 10 open for this app, often other running instances or leaked sockets); waiting {DelaySeconds:0.###} s before trying again")]
    public static partial void TooManyWebsockets(ILogger logger, double delaySeconds);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Critical, Message = "Slack Socket Mode stopped ({Error}), not reconnecting: {Fix}")]
    public static partial void Fatal(ILogger logger, string error, string fix);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Slack Socket Mode could not connect ({Reason}); trying again in {DelaySeconds:0.###} s (attempt {Attempt})")]
    public static partial void BackingOff(ILogger logger, string reason, double delaySeconds, int attempt);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Debug, Message = "Slack Socket Mode received redelivery {EnvelopeId} (attempt {RetryAttempt}); its acknowledgement carries the first delivery's answer if that has not reached Slack, and it is not handled again")]
    public static partial void Redelivery(ILogger logger, string envelopeId, int retryAttempt);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Debug, Message = "Slack Socket Mode ignored a {Type} frame it does not know")]
    public static partial void UnknownFrame(ILogger logger, string type);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Debug, Message = "Slack Socket Mode could not send the acknowledgement of {EnvelopeId}; Slack will deliver it again")]
    public static partial void AckFailed(ILogger logger, string envelopeId, Exception exception);
}
