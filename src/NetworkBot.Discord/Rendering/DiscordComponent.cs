namespace NetworkBot.Discord.Rendering;

/// <summary>
/// A message or modal component, one shape for every type Discord has (action row 1, button 2, string select 3,
/// text input 4, label 18, …): sent when rendering, and read back from modal submits and component messages.
/// Containers hold <see cref="Components"/> (action row) or a single <see cref="Component"/> (label).
/// </summary>
public sealed record DiscordComponent(ComponentType Type)
{
    public int? Id { get; init; }

    public string? CustomId { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    public IReadOnlyList<SelectOption>? Options { get; init; }

    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    public DiscordComponent? Component { get; init; }
}
