namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>
/// A guild scheduled event. EXTERNAL (<see cref="EntityType"/> 3) needs <see cref="EntityMetadata"/> and an end time
/// and no channel; VOICE (2) and STAGE (1) need <see cref="ChannelId"/>. Privacy level 2 is GUILD_ONLY, the only one.
/// </summary>
public sealed record DiscordScheduledEventCreate(
    string Name,
    DateTimeOffset ScheduledStartTime,
    int EntityType,
    DateTimeOffset? ScheduledEndTime = null,
    string? Description = null,
    Snowflake? ChannelId = null,
    DiscordEntityMetadata? EntityMetadata = null,
    int PrivacyLevel = 2);
