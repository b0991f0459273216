using System.Text.Json;

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>A sent or listed message (the fields we use).</summary>
public sealed record DiscordMessage(
    Snowflake Id, Snowflake ChannelId, string? Nonce = null, string? Content = null, JsonElement? Embeds = null, DiscordMessageAuthor? Author = null);
