namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A guild channel to create; <see cref="Type"/> 0 text, 2 voice, 4 category.</summary>
public sealed record DiscordChannelCreate(
    string Name,
    int Type,
    Snowflake? ParentId = null,
    string? Topic = null,
    IReadOnlyList<DiscordPermissionOverwrite>? PermissionOverwrites = null);
