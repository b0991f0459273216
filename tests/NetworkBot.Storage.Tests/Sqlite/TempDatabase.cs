using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary>A real SQLite file in its own temp directory (which need not exist yet), removed on dispose.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "networkbot-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        FilePath = Path.Combine(directory, "data", "networkbot.db");
        ConnectionString = $"Data Source={FilePath}";
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    private IOptions<StorageOptions> Options => Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = ConnectionString });

    public SqliteStore Store() => new(Options);

    public SqliteMigrator Migrator() => new(Options, NullLogger<SqliteMigrator>.Instance);

    /// <summary>Runs plain SQL against the file, as an older build or an operator would.</summary>
    public async Task ExecuteAsync(string sql) => await ScalarAsync(sql);

    /// <summary>Runs plain SQL and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Makes every later insert into <paramref name="table"/> fail, to prove a write's earlier steps roll back.</summary>
    public Task FailInsertsIntoAsync(string table) =>
        ExecuteAsync($"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'injected failure'); END");

    public async Task<long> CountAsync(string table) => (long)(await ScalarAsync($"SELECT COUNT(*) FROM {table}"))!;

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before removing it.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
