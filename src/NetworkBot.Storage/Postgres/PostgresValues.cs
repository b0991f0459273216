using NetworkBot.Core.Domain;
using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// How domain values are written to and read from columns (see <see cref="PostgresMigrations"/> for why instants
/// are UTC ticks): every value round-trips exactly, to the tick.
/// </summary>
internal static class PostgresValues
{
    /// <summary>
    /// The key a name is looked up by ignoring case: equal for two names exactly when
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> finds them equal, as SQLite's collation compares them.
    /// </summary>
    public static string Fold(string text) => text.ToUpperInvariant();

    public static long Instant(DateTimeOffset value) => value.UtcTicks;

    public static long? Instant(DateTimeOffset? value) => value?.UtcTicks;

    public static long Time(TimeOnly value) => value.Ticks;

    public static string? Code(Language? language) => language?.ToCode();

    public static DateTimeOffset GetInstant(this NpgsqlDataReader reader, int ordinal) =>
        new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? GetNullableInstant(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    public static DateOnly GetDate(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public static DateOnly? GetNullableDate(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDate(ordinal);

    public static TimeOnly GetTime(this NpgsqlDataReader reader, int ordinal) => new(reader.GetInt64(ordinal));

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static Language? GetNullableLanguage(this NpgsqlDataReader reader, int ordinal) =>
        LanguageCodes.TryParse(reader.GetNullableString(ordinal), out var language) ? language : null;

    public static TEnum GetEnum<TEnum>(this NpgsqlDataReader reader, int ordinal)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(reader.GetString(ordinal));
}
