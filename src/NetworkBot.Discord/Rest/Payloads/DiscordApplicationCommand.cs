namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A registered application command, as the bulk overwrite returns it.</summary>
public sealed record DiscordApplicationCommand(Snowflake Id, Snowflake ApplicationId, string Name, int Type, Snowflake? GuildId = null);
