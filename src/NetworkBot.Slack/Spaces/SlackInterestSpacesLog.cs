using Microsoft.Extensions.Logging;

namespace NetworkBot.Slack.Spaces;

/// <summary>Interest space log lines: ids, outcomes and Slack's reasons only.</summary>
internal static partial class SlackInterestSpacesLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Slack refused to {Action} for interest {Interest} of {Community}: {Outcome}. {Reason}")]
    public static partial void Refused(ILogger logger, string action, string interest, string community, string outcome, string reason);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "An interest channel's name is taken by the public channel {Channel}; using that channel")]
    public static partial void Reusing(ILogger logger, string channel);
}
