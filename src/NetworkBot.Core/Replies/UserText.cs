using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NetworkBot.Core.Replies;

/// <summary>
/// Keeps what people type from ever reading as the bot's own markup. The bot marks what renderers expand (a
/// <see cref="TimeToken"/>) with Unicode noncharacters U+FDD0…U+FDEF, which Unicode reserves for a program's internal
/// use and no keyboard or chat client produces; <see cref="Literal(string?)"/> removes them from every text that
/// enters the system (command options, names from the platforms, every user-written field of a domain record), so
/// a member cannot write a token, however the text is later quoted, and nobody has to remember to escape it.
/// </summary>
public static class UserText
{
    public const char FirstReserved = '\uFDD0';
    public const char LastReserved = '\uFDEF';

    public static bool IsReserved(char c) => c is >= FirstReserved and <= LastReserved;

    /// <summary><paramref name="text"/> without the reserved characters; the same instance when it has none (the usual case).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Literal(string? text)
    {
        if (text is null || text.AsSpan().IndexOfAnyInRange(FirstReserved, LastReserved) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsReserved(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Each item <see cref="Literal(string?)"/>; the same list when none needed it.</summary>
    public static IReadOnlyList<string> Literal(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Any(Reserved) ? [.. items.Select(i => Literal(i))] : items;
    }

    /// <summary>Keys and values <see cref="Literal(string?)"/>; the same dictionary when none needed it.</summary>
    public static IReadOnlyDictionary<string, string> Literal(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.Any(p => Reserved(p.Key) || Reserved(p.Value)))
        {
            return values;
        }

        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            clean[Literal(key)] = Literal(value);
        }

        return clean;
    }

    private static bool Reserved(string? text) => text is not null && text.AsSpan().IndexOfAnyInRange(FirstReserved, LastReserved) >= 0;
}
