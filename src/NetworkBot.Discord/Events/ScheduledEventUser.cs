using System.Text.Json;
using NetworkBot.Core.Domain;

namespace NetworkBot.Discord.Events;

/// <summary>
/// The data of <c>GUILD_SCHEDULED_EVENT_USER_ADD</c> and <c>_REMOVE</c>:
/// <c>{"guild_scheduled_event_id": "…", "user_id": "…", "guild_id": "…"}</c>, a member marking a scheduled event
/// "Interested" or taking it back.
/// </summary>
public sealed record ScheduledEventUser(CommunityId Community, string ScheduledEvent, MemberId Member)
{
    /// <summary>
    /// The parts, or null when any is missing or not a string, or when the user is <paramref name="bot"/> itself:
    /// Discord marks the creator of an event (the bot) as interested in it, and the bot is nobody's Maybe.
    /// </summary>
    public static ScheduledEventUser? From(JsonElement data, MemberId? bot = null) =>
        data.ValueKind == JsonValueKind.Object
        && Text(data, "guild_id") is { } guild && Text(data, "guild_scheduled_event_id") is { } ev && Text(data, "user_id") is { } user
        && new MemberId(user) != bot
            ? new(CommunityId.For(DiscordPlatform.PlatformName, guild), ev, new MemberId(user))
            : null;

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
