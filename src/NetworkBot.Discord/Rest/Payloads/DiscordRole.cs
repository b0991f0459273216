namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A guild role (the fields we use).</summary>
public sealed record DiscordRole(Snowflake Id, string Name, int Position = 0);
