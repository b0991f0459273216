using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LiteDB;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NetworkBot.Tests.Privacy;

/// <summary>
/// Searches a whole store, past the store's code, for text about a member (their id, their display name): every table the
/// database's own catalogue lists (SQLite's <c>sqlite_master</c>, PostgreSQL's <c>information_schema</c>, LiteDB's
/// collection names), every row, every column (JSON columns and LiteDB documents value by value, keys too). A table added
/// later is searched without anyone listing it, so "0 rows hold the member" stays true of the whole store.
/// </summary>
/// <remarks>
/// A needle matches as written and as JSON escapes it, so a name with a quote is found inside JSON text too. LiteDB allows
/// one open instance per file in a process: scan a file its store has let go of, or pass the store's open database.
/// </remarks>
public static class StoreScan
{
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// Scans the store of <paramref name="provider"/> (<c>sqlite</c>, <c>litedb</c>, <c>postgres</c>) at
    /// <paramref name="connection"/>: the SQLite or LiteDB file's path, or PostgreSQL's connection string.
    /// </summary>
    public static Task<StoreScanResult> ScanAsync(string provider, string connection, IReadOnlyList<string> needles, CancellationToken ct) =>
        provider.ToUpperInvariant() switch
        {
            "SQLITE" => SqliteAsync(connection, needles, ct),
            "POSTGRES" or "POSTGRESQL" => PostgresAsync(connection, needles, ct),
            "LITEDB" => Task.FromResult(LiteDb(connection, needles)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite, litedb or postgres"),
        };

    public static async Task<StoreScanResult> SqliteAsync(string path, IReadOnlyList<string> needles, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", ct);
        return await ScanTablesAsync(connection, tables, t => $"SELECT * FROM \"{t}\"", needles, ct);
    }

    public static async Task<StoreScanResult> PostgresAsync(string connectionString, IReadOnlyList<string> needles, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = await ListAsync(
            connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
            ct);
        return await ScanTablesAsync(connection, tables, t => $"SELECT * FROM \"{t}\"", needles, ct);
    }

    /// <summary>Opens the file read-only: its store must have let go of it.</summary>
    public static StoreScanResult LiteDb(string path, IReadOnlyList<string> needles)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true, Connection = ConnectionType.Direct });
        return LiteDb(database, needles);
    }

    public static StoreScanResult LiteDb(LiteDatabase database, IReadOnlyList<string> needles)
    {
        ArgumentNullException.ThrowIfNull(database);
        var forms = Forms(needles);
        var tables = database.GetCollectionNames().Order(StringComparer.Ordinal).ToList();
        var hits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = database.GetCollection(table).FindAll()
                .Where(document => Strings(document).Any(text => Holds(text, forms)))
                .Select(document => LiteDB.JsonSerializer.Serialize(document))
                .ToList();
            if (rows.Count > 0)
            {
                hits[table] = rows;
            }
        }

        return new StoreScanResult(tables, hits);
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<StoreScanResult> ScanTablesAsync(
        DbConnection connection, IReadOnlyList<string> tables, Func<string, string> select, IReadOnlyList<string> needles, CancellationToken ct)
    {
        var forms = Forms(needles);
        var hits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = select(table);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => (Column: reader.GetName(i), Text: reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)))
                    .ToList();
                if (values.Any(v => v.Text is not null && Holds(v.Text, forms)))
                {
                    rows.Add(string.Join(", ", values.Select(v => $"{v.Column}={v.Text ?? "null"}")));
                }
            }

            if (rows.Count > 0)
            {
                hits[table] = rows;
            }
        }

        return new StoreScanResult(tables, hits);
    }

    /// <summary>Each needle as written and as JSON text holds it.</summary>
    private static List<string> Forms(IReadOnlyList<string> needles) =>
        [.. needles.Where(n => !string.IsNullOrEmpty(n)).SelectMany(n => new[] { n, JsonEncodedText.Encode(n, Relaxed).ToString() }).Distinct(StringComparer.Ordinal)];

    private static bool Holds(string text, List<string> forms) => forms.Any(form => text.Contains(form, StringComparison.Ordinal));

    /// <summary>Every string of a LiteDB value, keys of documents included.</summary>
    private static IEnumerable<string> Strings(BsonValue value) => value switch
    {
        BsonDocument document => document.SelectMany(field => Strings(field.Value).Prepend(field.Key)),
        BsonArray array => array.SelectMany(Strings),
        { IsString: true } => [value.AsString],
        _ => [],
    };
}
