namespace NetworkBot.Discord.Rendering;

/// <summary>One option of a string select (label and value ≤ 100 characters each).</summary>
public sealed record SelectOption(string Label, string Value)
{
    public string? Description { get; init; }
}
