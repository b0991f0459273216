namespace NetworkBot.Discord.Rendering;

/// <summary>A rich embed: title ≤ 256, description ≤ 4096, ≤ 25 fields, all text together ≤ 6000 characters.</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}
