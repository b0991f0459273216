using System.Data.Common;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Relational;

/// <summary>
/// The current row of a query, read column by column: the plain types straight from the driver, instants, dates,
/// times and flags as the provider's <see cref="RelationalDialect"/> stores them, so one row reader serves every provider.
/// </summary>
internal sealed class StoredRow(DbDataReader reader, RelationalDialect dialect)
{
    public bool IsDBNull(int ordinal) => reader.IsDBNull(ordinal);

    public string GetString(int ordinal) => reader.GetString(ordinal);

    public int GetInt32(int ordinal) => reader.GetInt32(ordinal);

    public long GetInt64(int ordinal) => reader.GetInt64(ordinal);

    public string? GetNullableString(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public bool GetFlag(int ordinal) => dialect.ReadFlag(reader, ordinal);

    public DateTimeOffset GetInstant(int ordinal) => dialect.ReadInstant(reader, ordinal);

    public DateTimeOffset? GetNullableInstant(int ordinal) => reader.IsDBNull(ordinal) ? null : GetInstant(ordinal);

    public DateOnly GetDate(int ordinal) => dialect.ReadDate(reader, ordinal);

    public DateOnly? GetNullableDate(int ordinal) => reader.IsDBNull(ordinal) ? null : GetDate(ordinal);

    public TimeOnly GetTime(int ordinal) => dialect.ReadTime(reader, ordinal);

    public Language? GetNullableLanguage(int ordinal) =>
        LanguageCodes.TryParse(GetNullableString(ordinal), out var language) ? language : null;

    public TEnum GetEnum<TEnum>(int ordinal)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(reader.GetString(ordinal));

    /// <summary>The column as the export format writes it (see <see cref="RelationalDialect.ExportValue"/>).</summary>
    public object GetExportValue(int ordinal, string column, ExportFieldKind kind) => dialect.ExportValue(reader, ordinal, column, kind);
}
