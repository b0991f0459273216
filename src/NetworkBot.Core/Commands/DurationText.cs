using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetworkBot.Core.Commands;

/// <summary>
/// The one grammar for a length of time that people type: an event's duration, reminder offsets, the shell's
/// <c>/wait</c>. <c>90</c> (minutes), <c>90m</c>, <c>2h</c>, <c>1h30m</c>, <c>1h 30m</c>, <c>2d</c>, and the Japanese
/// <c>90分</c>, <c>2時間</c>, <c>1時間30分</c>, <c>1時間半</c>, <c>1日</c>; any case, full-width digits and letters
/// welcome. Units go from days down to minutes, each at most once. Bounds belong to the caller: they differ
/// between an event (5 minutes to a day) and a reminder (up to 30 days).
/// </summary>
public static partial class DurationText
{
    /// <summary>What <see cref="TryParse"/> reads, as the refusal messages name it.</summary>
    public const string Examples = "90, 90m, 2h, 1h30m, 90分, 2時間, 1時間30分";

    /// <summary>The length <paramref name="text"/> spells, or false when it is not one of the forms above.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        // NFKC folds full-width digits and letters (２ｈ３０ｍ), which Japanese keyboards type by default.
        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        if (Minutes().Match(folded) is { Success: true } plain)
        {
            value = TimeSpan.FromMinutes(Number(plain.Groups["n"]));
            return true;
        }

        var match = WithUnits().Match(folded);
        if (!match.Success || match.Length == 0 || (match.Groups["half"].Success && match.Groups["m"].Success))
        {
            return false;
        }

        var minutes = Number(match.Groups["d"]) * 24 * 60 + Number(match.Groups["h"]) * 60 + Number(match.Groups["m"])
            + (match.Groups["half"].Success ? 30 : 0);
        value = TimeSpan.FromMinutes(minutes);
        return true;
    }

    /// <summary><c>1h30m</c>, <c>2h</c>, <c>45m</c>: the shortest form <see cref="TryParse"/> reads back, for prefilled form fields.</summary>
    public static string Format(TimeSpan value)
    {
        var hours = (long)value.TotalHours;
        var minutes = value.Minutes;
        return (hours, minutes) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{minutes}m"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{hours}h"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours}h{minutes}m"),
        };
    }

    /// <summary>An absent group is zero; six digits at most per unit keep the sum far from any overflow.</summary>
    private static long Number(Group group) =>
        group.Success ? long.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<n>[0-9]{1,6})$")]
    private static partial Regex Minutes();

    [GeneratedRegex(
        @"^(?:(?<d>[0-9]{1,6})\s*(?:d|days?|日)\s*)?(?:(?<h>[0-9]{1,6})\s*(?:h|hrs?|hours?|時間)(?<half>半)?\s*)?(?:(?<m>[0-9]{1,6})\s*(?:m|mins?|minutes?|分)\s*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithUnits();
}
