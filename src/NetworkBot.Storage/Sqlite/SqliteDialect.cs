using System.Data.Common;
using Microsoft.Data.Sqlite;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// SQLite's side of <see cref="RelationalDialect"/>: instants, dates and times as text (<see cref="TextValues"/>),
/// flags 0/1, JSON as text; names compared with the <see cref="SqliteConnectionFactory.IgnoreCaseCollation"/>; no row
/// locks, since a write transaction (begun immediate) holds the whole file.
/// </summary>
internal sealed class SqliteDialect : RelationalDialect
{
    /// <summary>SQLITE_CONSTRAINT: any constraint refusing a row.</summary>
    private const int ConstraintError = 19;

    /// <summary>SQLITE_CONSTRAINT_UNIQUE: a second row of a unique key.</summary>
    private const int UniqueConstraintFailed = 2067;

    public static SqliteDialect Instance { get; } = new();

    /// <summary><c>1</c>, as the partial index <c>events_active</c> spells it, so queries can use it.</summary>
    public override string True => "1";

    public override string False => "0";

    public override string RowLock => "";

    public override string MemberNameMatches => $"display_name = @name COLLATE {SqliteConnectionFactory.IgnoreCaseCollation}";

    public override bool MembersHaveNameKey => false;

    public override string InterestNameOrder => $"name COLLATE {SqliteConnectionFactory.IgnoreCaseCollation}";

    /// <summary>
    /// Keys are compared byte by byte; U+10FFFF sorts after anything that can follow the prefix, so the range is exactly
    /// the keys that start with it, read from the (community, key) index.
    /// </summary>
    public override string KeyStartsWith => "key >= @prefix AND key < @past_prefix";

    public override string? ImportLock => null;

    public override string MemberNameValue(string displayName) => displayName;

    public override IReadOnlyList<(string Name, object? Value)> KeyPrefixParameters(string prefix) =>
        [("prefix", prefix), ("past_prefix", prefix + char.ConvertFromUtf32(0x10FFFF))];

    public override void Bind(DbParameter parameter, object? value) =>
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset instant => TextValues.Instant(instant),
            DateOnly date => TextValues.Date(date),
            TimeOnly time => TextValues.Time(time),
            bool flag => flag ? 1L : 0L,
            string text => StorableText.Plain(text),
            JsonText json => StorableText.Json(json.Text),
            _ => value,
        };

    public override bool ReadFlag(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => TextValues.ParseInstant(reader.GetString(ordinal));

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) => TextValues.ParseDate(reader.GetString(ordinal));

    public override TimeOnly ReadTime(DbDataReader reader, int ordinal) => TextValues.ParseTime(reader.GetString(ordinal));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed };

    /// <summary>None: a write transaction begun immediate holds the file, so no other writer can conflict with it.</summary>
    public override bool IsTransientConflict(DbException exception) => false;

    public override string? ConstraintViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: ConstraintError } ? exception.Message : null;

    /// <summary>The export format is SQLite's own text: what is stored is written as it is.</summary>
    public override object ExportValue(DbDataReader reader, int ordinal, string column, ExportFieldKind kind) => reader.GetString(ordinal);

    public override object? ImportValue(string column, ExportFieldKind kind, object? value) => value;
}
