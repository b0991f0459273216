namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>The bot's own user (GET /users/@me); its id lets the bot into the channels it creates.</summary>
public sealed record DiscordCurrentUser(Snowflake Id, string? Username = null);
