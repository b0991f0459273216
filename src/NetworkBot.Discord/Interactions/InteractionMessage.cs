using NetworkBot.Discord.Rendering;

namespace NetworkBot.Discord.Interactions;

/// <summary>The message a component sits on (only what an UPDATE_MESSAGE answer needs).</summary>
public sealed record InteractionMessage(string Id)
{
    public string? ChannelId { get; init; }

    public string? Content { get; init; }

    public int? Flags { get; init; }

    public IReadOnlyList<DiscordComponent>? Components { get; init; }
}
