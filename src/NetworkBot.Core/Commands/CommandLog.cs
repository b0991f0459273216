using Microsoft.Extensions.Logging;

namespace NetworkBot.Core.Commands;

internal static partial class CommandLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Command {Path} from {Community}/{Member} handled in {ElapsedMs} ms")]
    public static partial void Handled(ILogger logger, string path, string community, string member, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Command {Path} from {Community}/{Member} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string path, string community, string member, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Command {Path} from {Community}/{Member} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string path, string community, string member);
}
