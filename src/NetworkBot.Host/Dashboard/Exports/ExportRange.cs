using System.Globalization;

namespace NetworkBot.Host.Dashboard.Exports;

/// <summary>
/// The dates an export covers, both ends included (<c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>, UTC days); an end left
/// out is open.
/// </summary>
internal sealed record ExportRange(DateTimeOffset? From, DateTimeOffset? Until)
{
    public static ExportRange All { get; } = new(null, null);

    /// <summary>False when a date is not <c>yyyy-MM-dd</c>: the export answers 400 rather than guess.</summary>
    public static bool TryParse(string? from, string? to, out ExportRange range)
    {
        range = All;
        if (!TryDay(from, out var start) || !TryDay(to, out var end))
        {
            return false;
        }

        range = new(start, end?.AddDays(1));
        return true;
    }

    public bool Contains(DateTimeOffset at) => (From is null || at >= From) && (Until is null || at < Until);

    /// <summary>Whether something that began at <paramref name="at"/> had begun by the range's end (members: joined before <c>to</c>).</summary>
    public bool Reached(DateTimeOffset at) => Until is null || at < Until;

    private static bool TryDay(string? text, out DateTimeOffset? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        day = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }
}
