using Microsoft.Extensions.Logging;

namespace NetworkBot.Discord.Spaces;

/// <summary>Interest space log lines: ids, outcomes and Discord's reasons only.</summary>
internal static partial class DiscordInterestSpacesLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "Discord refused to {Action} for interest {Interest} of {Community}: {Outcome}. {Reason}")]
    public static partial void Refused(ILogger logger, string action, string interest, string community, string outcome, string reason);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "The bot's own user id is unknown ({Reason}); interest channels of {Community} get no overwrite for the bot")]
    public static partial void BotUserUnknown(ILogger logger, string community, string reason);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Adopted the {Part} {PartId} an earlier attempt made for interest {Interest} of {Community}")]
    public static partial void Adopted(ILogger logger, string part, ulong partId, string interest, string community);
}
