using NetworkBot.Core.Domain;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>
/// One option of a command, declared once for every platform: what registration, parsing, <c>/help</c> and forms read.
/// Handlers read values through the typed declarations <see cref="Option{T}"/> and <see cref="RequiredOption{T}"/>.
/// </summary>
public record OptionSpec(string Name, OptionKind Kind, LocalizedText Description)
{
    public bool Required { get; init; }

    public int MaxLength { get; init; } = 100;

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The smallest value of an <see cref="OptionKind.Integer"/>, or the shortest <see cref="OptionKind.Duration"/> in minutes.</summary>
    public long Min { get; init; } = long.MinValue;

    /// <summary>The largest value of an <see cref="OptionKind.Integer"/>, or the longest <see cref="OptionKind.Duration"/> in minutes.</summary>
    public long Max { get; init; } = long.MaxValue;

    /// <summary>
    /// Typed on a line, the option's value is every word left without a name, quoted or not: a sentence is what people
    /// type after <c>/ask</c> or <c>/offer</c>, and asking them to quote it would refuse most first tries.
    /// </summary>
    public bool TakesRestOfLine { get; init; }

    /// <summary>What platforms that suggest values while the user types (Discord autocomplete) offer; see <see cref="CommandSuggestions"/>.</summary>
    public Suggestions Suggest { get; init; }

    /// <summary>The type of the value <see cref="OptionBinder"/> makes of an option of <paramref name="kind"/>.</summary>
    public static Type ValueType(OptionKind kind) => kind switch
    {
        OptionKind.Text or OptionKind.Choice or OptionKind.TimeZone or OptionKind.Channel or OptionKind.Role => typeof(string),
        OptionKind.List => typeof(IReadOnlyList<string>),
        OptionKind.Integer => typeof(long),
        OptionKind.Duration => typeof(TimeSpan),
        OptionKind.Member => typeof(Member),
        OptionKind.Date => typeof(DateOnly),
        OptionKind.Time => typeof(TimeOnly),
        OptionKind.Language => typeof(Language),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An option kind without a value type."),
    };
}
