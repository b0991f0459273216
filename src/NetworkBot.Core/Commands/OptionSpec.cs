using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>One option of a command, declared once for every platform.</summary>
public sealed record OptionSpec(string Name, OptionKind Kind, LocalizedText Description)
{
    public bool Required { get; init; }

    public int MaxLength { get; init; } = 100;

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The smallest value of an <see cref="OptionKind.Integer"/>, or the shortest <see cref="OptionKind.Duration"/> in minutes.</summary>
    public long Min { get; init; } = long.MinValue;

    /// <summary>The largest value of an <see cref="OptionKind.Integer"/>, or the longest <see cref="OptionKind.Duration"/> in minutes.</summary>
    public long Max { get; init; } = long.MaxValue;

    /// <summary>What platforms that suggest values while the user types (Discord autocomplete) offer; see <see cref="CommandSuggestions"/>.</summary>
    public Suggestions Suggest { get; init; }
}
