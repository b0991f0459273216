namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>The bot's application (GET /applications/@me); its id registers commands and owns interaction webhooks.</summary>
public sealed record DiscordApplication(Snowflake Id, string? Name);
