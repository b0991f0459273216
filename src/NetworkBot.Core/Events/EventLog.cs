using Microsoft.Extensions.Logging;

namespace NetworkBot.Core.Events;

internal static partial class EventLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Reminded {Count} members of event {EventId} of {Community}")]
    public static partial void Reminded(ILogger logger, string eventId, string community, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Made {Groups} icebreaker groups for event {EventId} of {Community}")]
    public static partial void Icebroken(ILogger logger, string eventId, string community, int groups);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Closed an occurrence of event {EventId} of {Community}: {Attendees} attendees; repeats: {Repeats}")]
    public static partial void Closed(ILogger logger, string eventId, string community, int attendees, bool repeats);
}
