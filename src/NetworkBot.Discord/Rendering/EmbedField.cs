namespace NetworkBot.Discord.Rendering;

/// <summary>An embed field: name 1–256 and value 1–1024 characters.</summary>
public sealed record EmbedField(string Name, string Value)
{
    public bool? Inline { get; init; }
}
