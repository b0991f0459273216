using Microsoft.Data.Sqlite;
using NetworkBot.Storage;

namespace NetworkBot.Bench.Storage;

/// <summary>SQLite files, opened by the store as the bot opens them (WAL).</summary>
internal sealed class SqliteBenchProvider() : EmbeddedBenchProvider(".db")
{
    public override string Name => "SQLite file";

    public override string Setting => StorageOptions.SqliteProvider;

    public override string Description => $"files in {Folder.FullName}, opened by the store as the bot opens them (WAL, synchronous {Synchronous()})";

    protected override string ConnectionStringFor(string file) => $"Data Source={file}";

    protected override string LogFileOf(string file) => file + "-wal";

    protected override void Closing() => SqliteConnection.ClearAllPools();

    /// <summary>What a WAL connection gets without setting it, as the store's do: 2 is FULL (the log is synced at every commit), 1 NORMAL.</summary>
    private string Synchronous()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder.FullName, "settings.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous;";
        using var reader = command.ExecuteReader();
        reader.NextResult();
        reader.Read();
        return reader.GetInt64(0) switch { 2 => "FULL", 1 => "NORMAL", var other => other.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
