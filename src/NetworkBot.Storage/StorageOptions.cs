namespace NetworkBot.Storage;

/// <summary>The <c>Storage</c> configuration section: which database NetworkBot keeps its data in.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string SqliteProvider = "sqlite";

    public const string PostgresProvider = "postgres";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c> (a server, shared by several instances).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>A SQLite connection string (<c>Data Source=…</c>) or an Npgsql one (<c>Host=…;Database=…;Username=…</c>).</summary>
    public string ConnectionString { get; set; } = "Data Source=data/networkbot.db";

    /// <summary>Backups of the embedded database (<c>Storage:Backups:Folder</c>, <c>Storage:Backups:Keep</c>).</summary>
    public StorageBackupOptions Backups { get; set; } = new();

    internal bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the data lives on a PostgreSQL server, which several processes share, rather than in an embedded file.</summary>
    public bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);
}
