namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A guild scheduled event (the fields we use).</summary>
public sealed record DiscordScheduledEvent(Snowflake Id, Snowflake GuildId, string Name, int Status, string? Description = null);
