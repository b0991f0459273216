using System.Globalization;

namespace NetworkBot.Storage.Relational;

/// <summary>
/// Instants, dates and times of day as text: how SQLite stores them and how the export format writes them for every
/// provider. Instants are ISO-8601 UTC with 100 ns precision and a fixed width, so they round-trip exactly and compare
/// correctly as text.
/// </summary>
internal static class TextValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.fffffff";

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Time(TimeOnly value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture);
}
