using System.Text.Json;

namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>
/// A message to send or an interaction reply. <see cref="Embeds"/> and <see cref="Components"/> are the JSON
/// arrays the renderer builds. Mentions are never parsed from <see cref="Content"/>: only the ids in
/// <see cref="AllowedMentions"/> ping anyone.
/// </summary>
public sealed record DiscordMessagePayload(
    string? Content = null,
    JsonElement? Embeds = null,
    JsonElement? Components = null,
    int? Flags = null,
    DiscordAllowedMentions? AllowedMentions = null)
{
    /// <summary>MessageFlags.EPHEMERAL: only the invoking user sees the reply (interactions only).</summary>
    public const int EphemeralFlag = 1 << 6;
}
