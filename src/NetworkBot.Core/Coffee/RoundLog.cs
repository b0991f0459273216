using Microsoft.Extensions.Logging;

namespace NetworkBot.Core.Coffee;

internal static partial class RoundLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Round {Round} of {Community} started: {Members} members in {Groups} groups, seed {Seed} (reproduce with networkbot pair)")]
    public static partial void Started(ILogger logger, string round, string community, int members, int groups, long seed);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Round of {Community} for {Occurrence} could not be made: {Reason}")]
    public static partial void NotPossible(ILogger logger, string community, DateTimeOffset occurrence, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Round {Round} of {Community}: {Phase}")]
    public static partial void Phase(ILogger logger, string round, string community, string phase);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Schedule of {Community} has an unknown time zone {TimeZone}; skipped")]
    public static partial void UnknownZone(ILogger logger, string community, string timeZone);
}
