namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A channel, DM or thread as Discord returns it (the fields we use).</summary>
public sealed record DiscordChannel(
    Snowflake Id, int Type, string? Name = null, Snowflake? GuildId = null, Snowflake? ParentId = null,
    IReadOnlyList<DiscordPermissionOverwrite>? PermissionOverwrites = null);
