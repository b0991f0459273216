using Microsoft.Data.Sqlite;
using NetworkBot.Storage;

namespace NetworkBot.Bench.Storage;

/// <summary>SQLite files in a temporary folder, deleted at the end; the store opens them as the bot does.</summary>
internal sealed class SqliteBenchProvider : BenchProvider
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("networkbot-storage-");
    private int databases;

    public override string Name => "SQLite file";

    public override string Setting => StorageOptions.SqliteProvider;

    public override bool SharedByInstances => false;

    public override string Description => $"files in {folder.FullName}, opened by the store as the bot opens them (WAL, synchronous {Synchronous()})";

    public override Task<string> CreateDatabaseAsync(CancellationToken ct) =>
        Task.FromResult($"Data Source={Path.Combine(folder.FullName, $"bench-{Interlocked.Increment(ref databases)}.db")}");

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>What a WAL connection gets without setting it, as the store's do: 2 is FULL (the log is synced at every commit), 1 NORMAL.</summary>
    private string Synchronous()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "settings.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous;";
        using var reader = command.ExecuteReader();
        reader.NextResult();
        reader.Read();
        return reader.GetInt64(0) switch { 2 => "FULL", 1 => "NORMAL", var other => other.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
