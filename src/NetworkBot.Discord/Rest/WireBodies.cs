using System.Text.Json;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Rest;

/// <summary>A message as it goes on the wire: the payload plus the forced allowed_mentions and the idempotency nonce.</summary>
internal sealed record MessageBody(
    string? Content,
    JsonElement? Embeds,
    JsonElement? Components,
    int? Flags,
    DiscordAllowedMentions AllowedMentions,
    string? Nonce = null,
    bool? EnforceNonce = null)
{
    public static MessageBody From(DiscordMessagePayload message, string? nonce = null) =>
        new(message.Content, message.Embeds, message.Components, message.Flags,
            message.AllowedMentions ?? DiscordAllowedMentions.None,
            nonce, nonce is null ? null : true);
}

internal sealed record CreateDmBody(Snowflake RecipientId);

internal sealed record StartThreadBody(string Name, int Type, bool Invitable, int AutoArchiveDuration);

internal sealed record InteractionCallbackBody(int Type, JsonElement? Data);
