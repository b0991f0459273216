using Microsoft.Data.Sqlite;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// Opens connections configured the same way for the store and the migrator: WAL journal (set once, it is
/// persistent in the file), foreign keys on, a busy timeout, and a Unicode case-insensitive collation.
/// </summary>
internal sealed class SqliteConnectionFactory
{
    /// <summary>
    /// SQLite's built-in NOCASE folds ASCII only; this collation folds every letter the way .NET does
    /// (<c>É</c>/<c>é</c>, full-width <c>Ａ</c>/<c>ａ</c>). It is used in queries only, never in the schema,
    /// so the file stays readable with the plain <c>sqlite3</c> tool.
    /// </summary>
    public const string IgnoreCaseCollation = "nb_nocase";

    /// <summary>
    /// The text folded the way <see cref="IgnoreCaseCollation"/> compares (<see cref="RelationalDialect.Fold"/>): what a
    /// migration fills a stored key column with. Like the collation, it is never part of the schema.
    /// </summary>
    public const string FoldFunction = "nb_fold";

    private readonly string connectionString;
    private readonly string? directory;
    private int prepared;

    public SqliteConnectionFactory(string connectionString)
    {
        this.connectionString = connectionString;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(builder.DataSource)
            || builder.DataSource == ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        Location = inMemory ? builder.DataSource : Path.GetFullPath(builder.DataSource);
        directory = inMemory ? null : Path.GetDirectoryName(Location);
    }

    /// <summary>The database file's full path (or the data source as given when it is not a plain file).</summary>
    public string Location { get; }

    /// <summary>Whether the database is a plain file (not <c>:memory:</c>, a memory mode or a <c>file:</c> URI).</summary>
    public bool IsFile => directory is not null;

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var first = Volatile.Read(ref prepared) == 0;
        if (first && directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            connection.CreateCollation(IgnoreCaseCollation, static (x, y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase));
            connection.CreateFunction(FoldFunction, static (string text) => RelationalDialect.Fold(text), isDeterministic: true);
            // The busy timeout comes first so that switching to WAL waits for a concurrent opener. Deleted content is
            // overwritten (secure_delete), so an erased member's data is not left in the file's free space.
            var pragmas = first
                ? "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA journal_mode=WAL;"
                : "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;";
            await connection.ExecuteAsync(SqliteDialect.Instance, pragmas, null, [], ct).ConfigureAwait(false);
            Volatile.Write(ref prepared, 1);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
