using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// How domain values are written to and read from columns. Instants are ISO-8601 UTC text with 100 ns
/// precision and a fixed width, so they round-trip exactly and compare correctly as text.
/// </summary>
internal static class SqliteValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.fffffff";

    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    public static string? Date(DateOnly? value) => value?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Time(TimeOnly value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string? Code(Language? language) => language?.ToCode();

    public static long Flag(bool value) => value ? 1 : 0;

    public static DateTimeOffset GetInstant(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(
            reader.GetString(ordinal), InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    public static DateOnly GetDate(this SqliteDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    public static TimeOnly GetTime(this SqliteDataReader reader, int ordinal) =>
        TimeOnly.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture);

    public static DateOnly? GetNullableDate(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDate(ordinal);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static bool GetFlag(this SqliteDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    public static Language? GetNullableLanguage(this SqliteDataReader reader, int ordinal) =>
        LanguageCodes.TryParse(reader.GetNullableString(ordinal), out var language) ? language : null;

    public static TEnum GetEnum<TEnum>(this SqliteDataReader reader, int ordinal)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(reader.GetString(ordinal));
}
