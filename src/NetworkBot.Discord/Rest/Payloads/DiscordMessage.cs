namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A sent message (the fields we use).</summary>
public sealed record DiscordMessage(Snowflake Id, Snowflake ChannelId, string? Nonce = null);
