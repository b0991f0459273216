using System.Data.Common;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;
using NetworkBot.Storage.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of <see cref="RelationalDialect"/> (see <see cref="PostgresMigrations"/> for the stored types):
/// instants and times of day as ticks, dates as <c>date</c>, flags as <c>boolean</c>, lists as <c>jsonb</c>; names
/// looked up by their folded <c>name_key</c>; rows read for a write locked <c>FOR UPDATE</c>, since READ COMMITTED
/// alone would let two instances interleave.
/// </summary>
internal sealed class PostgresDialect : RelationalDialect
{
    private static readonly HashSet<string> DateColumns = ["coffee_paused_until", "starts_on"];

    private static readonly HashSet<string> MemberIdListColumns = ["managers"];

    private static readonly HashSet<string> StringListColumns = ["offers", "seeks", "interests"];

    public static PostgresDialect Instance { get; } = new();

    public override string True => "true";

    public override string False => "false";

    public override string RowLock => " FOR UPDATE";

    public override string MemberNameMatches => "name_key = @name";

    public override bool MembersHaveNameKey => true;

    /// <summary>Groups in name order ignoring case, as SQLite's collation orders them: by the folded name.</summary>
    public override string InterestNameOrder => "name_key";

    /// <summary>
    /// Compared as text with <c>starts_with</c>, not by a range: a range compares in the database's collation, which need
    /// not be SQLite's ordinal byte order.
    /// </summary>
    public override string KeyStartsWith => "starts_with(key, @prefix)";

    /// <summary>A transaction-scoped advisory lock on the community's id.</summary>
    public override string? ImportLock => "SELECT pg_advisory_xact_lock(hashtextextended(@community, 0))";

    public override string MemberNameValue(string displayName) => Fold(displayName);

    public override IReadOnlyList<(string Name, object? Value)> KeyPrefixParameters(string prefix) => [("prefix", prefix)];

    public override void Bind(DbParameter parameter, object? value)
    {
        if (value is JsonText)
        {
            ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;
        }

        parameter.Value = value switch
        {
            null => DBNull.Value,
            string text => StorableText.Plain(text),
            JsonText json => StorableText.Json(json.Text),
            DateTimeOffset instant => instant.UtcTicks,
            TimeOnly time => time.Ticks,
            _ => value,
        };
    }

    public override bool ReadFlag(DbDataReader reader, int ordinal) => reader.GetBoolean(ordinal);

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public override TimeOnly ReadTime(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A deadlock broken (SQLSTATE 40P01) or a serialization failure (40001).</summary>
    public override bool IsTransientConflict(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    public override string? ConstraintViolation(DbException exception) =>
        exception is PostgresException postgres && postgres.SqlState.StartsWith("23", StringComparison.Ordinal) ? postgres.MessageText : null;

    /// <summary>Converted at this edge only, so an export reads the same from either provider.</summary>
    public override object ExportValue(DbDataReader reader, int ordinal, string column, ExportFieldKind kind) => kind switch
    {
        ExportFieldKind.Json when MemberIdListColumns.Contains(column) => StoredJson.Write(StoredJson.ReadMemberIds(reader.GetString(ordinal))),
        ExportFieldKind.Json when StringListColumns.Contains(column) => StoredJson.Write(StoredJson.ReadStrings(reader.GetString(ordinal))),
        ExportFieldKind.Text when IsInstantColumn(column) => TextValues.Instant(ReadInstant(reader, ordinal)),
        ExportFieldKind.Text when DateColumns.Contains(column) => TextValues.Date(ReadDate(reader, ordinal)),
        ExportFieldKind.Text when column == "time" => TextValues.Time(ReadTime(reader, ordinal)),
        _ => reader.GetString(ordinal),
    };

    public override object? ImportValue(string column, ExportFieldKind kind, object? value) => (kind, value) switch
    {
        (_, null) => null,
        (ExportFieldKind.Json, string text) when MemberIdListColumns.Contains(column) || StringListColumns.Contains(column) => new JsonText(text),
        (ExportFieldKind.Text, string text) when IsInstantColumn(column) => TextValues.ParseInstant(text),
        (ExportFieldKind.Text, string text) when DateColumns.Contains(column) => TextValues.ParseDate(text),
        (ExportFieldKind.Text, string text) when column == "time" => TextValues.ParseTime(text),
        _ => value,
    };

    /// <summary>The instants of the format: every text field named <c>…At</c> or <c>…For</c>, <c>since</c> and <c>occurrence</c>.</summary>
    private static bool IsInstantColumn(string column) =>
        column.EndsWith("_at", StringComparison.Ordinal) || column.EndsWith("_for", StringComparison.Ordinal) || column is "since" or "occurrence";
}
