using Microsoft.Extensions.Logging;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// What the privacy commands and the retention step log: communities and counts, never a member's id or name, since a log
/// line naming an erased member would keep what the erasure removed.
/// </summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(EventId = 4600, Level = LogLevel.Information, Message = "A member's data in {Community} was erased on request (by a manager: {ByManager})")]
    public static partial void ErasedOnRequest(ILogger logger, string community, bool byManager);

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Retention: erased {Count} member(s) of {Community} who left more than {Days} days ago")]
    public static partial void ErasedAfterRetention(ILogger logger, int count, string community, int days);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "Retention: deleted {Count} message(s) of {Community} delivered more than {Days} days ago")]
    public static partial void PrunedDelivered(ILogger logger, int count, string community, int days);
}
