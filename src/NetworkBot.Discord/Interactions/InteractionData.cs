using NetworkBot.Discord.Rendering;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// <c>data</c> of an interaction. Commands and autocomplete fill <see cref="Name"/> and <see cref="Options"/>;
/// components fill <see cref="CustomId"/>, <see cref="ComponentType"/> and (selects) <see cref="Values"/>;
/// modal submits fill <see cref="CustomId"/> and <see cref="Components"/>.
/// </summary>
/// <remarks><c>id</c> is left out on purpose: a command's id is a snowflake string, a component's a number.</remarks>
public sealed record InteractionData
{
    public string? Name { get; init; }

    /// <summary>Application command type: 1 CHAT_INPUT (slash), 2 USER, 3 MESSAGE.</summary>
    public int? Type { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public IReadOnlyList<DiscordComponent>? Components { get; init; }
}
