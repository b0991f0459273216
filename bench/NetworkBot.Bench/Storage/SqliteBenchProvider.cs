using NetworkBot.Storage;

namespace NetworkBot.Bench.Storage;

/// <summary>SQLite files in a temporary folder, deleted at the end; the store opens them as the bot does (WAL).</summary>
internal sealed class SqliteBenchProvider : BenchProvider
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("networkbot-storage-");
    private int databases;

    public override string Name => "SQLite file";

    public override string Setting => StorageOptions.SqliteProvider;

    public override bool SharedByInstances => false;

    public override string Description => $"SQLite files in {folder.FullName} (WAL, the store's own settings)";

    public override Task<string> CreateDatabaseAsync(CancellationToken ct) =>
        Task.FromResult($"Data Source={Path.Combine(folder.FullName, $"bench-{Interlocked.Increment(ref databases)}.db")}");

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
