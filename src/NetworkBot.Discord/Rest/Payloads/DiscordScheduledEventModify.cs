namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A PATCH of a scheduled event: only the fields that are set are sent. <see cref="Status"/> 2 starts, 3 completes, 4 cancels.</summary>
public sealed record DiscordScheduledEventModify(
    string? Name = null,
    DateTimeOffset? ScheduledStartTime = null,
    DateTimeOffset? ScheduledEndTime = null,
    string? Description = null,
    int? EntityType = null,
    Snowflake? ChannelId = null,
    DiscordEntityMetadata? EntityMetadata = null,
    int? Status = null);
