using Microsoft.Extensions.Logging;

namespace NetworkBot.Discord.Events;

/// <summary>Scheduled event log lines: ids, outcomes and Discord's reasons only.</summary>
internal static partial class DiscordScheduledEventsLog
{
    [LoggerMessage(EventId = 2320, Level = LogLevel.Warning, Message = "Discord refused to {Action} the scheduled event of event {EventId} of {Community}: {Outcome}. {Reason}")]
    public static partial void Refused(ILogger logger, string action, string eventId, string community, string outcome, string reason);

    [LoggerMessage(EventId = 2321, Level = LogLevel.Information, Message = "Adopted the scheduled event {ScheduledEventId} an earlier attempt made for event {EventId} of {Community}")]
    public static partial void Adopted(ILogger logger, ulong scheduledEventId, string eventId, string community);
}
