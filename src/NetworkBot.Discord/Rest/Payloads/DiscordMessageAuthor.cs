namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>Who posted a message (the fields we use).</summary>
public sealed record DiscordMessageAuthor(Snowflake Id, bool? Bot = null);
