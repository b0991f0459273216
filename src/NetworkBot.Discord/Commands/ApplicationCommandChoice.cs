namespace NetworkBot.Discord.Commands;

/// <summary>A fixed choice of a STRING option (name and value 1–100 characters).</summary>
public sealed record ApplicationCommandChoice(string Name, string Value)
{
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
}
