using NetworkBot.Discord.Commands;

namespace NetworkBot.Discord.Rendering;

/// <summary>
/// <c>data</c> of an interaction response, one record for Discord's three shapes: a message (content, embeds,
/// components, flags, allowed mentions; also the body of follow-ups and channel messages), a modal (custom id,
/// title, components) and autocomplete choices.
/// </summary>
public sealed record InteractionCallbackData
{
    /// <summary>EPHEMERAL: only the caller sees the message.</summary>
    public const int EphemeralFlag = 1 << 6;

    /// <summary>IS_COMPONENTS_V2; with it Discord rejects content and embeds, so the renderer never sets it.</summary>
    public const int ComponentsV2Flag = 1 << 15;

    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public int? Flags { get; init; }

    public string? CustomId { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }
}
