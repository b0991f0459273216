namespace NetworkBot.Storage;

/// <summary>The <c>Storage</c> configuration section: which database NetworkBot keeps its data in.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string SqliteProvider = "sqlite";

    public const string PostgresProvider = "postgres";

    public const string LiteDbProvider = "litedb";

    private string? connectionString;

    /// <summary><c>sqlite</c> (embedded, the default), <c>litedb</c> (embedded) or <c>postgres</c> (a server, shared by several instances).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// A SQLite connection string (<c>Data Source=…</c>), a LiteDB one (<c>Filename=…</c>) or an Npgsql one
    /// (<c>Host=…;Database=…;Username=…</c>). Unset, each embedded provider has its own file in <c>data/</c>, so switching
    /// provider never opens one's file with the other.
    /// </summary>
    public string ConnectionString
    {
        get => connectionString ?? (IsLiteDb ? "Filename=data/networkbot.litedb" : "Data Source=data/networkbot.db");
        set => connectionString = value;
    }

    /// <summary>
    /// How often <c>run</c> folds a LiteDB file's log into its data file (<see cref="LiteDb.LiteDbCheckpointService"/>);
    /// LiteDB only. Shorter keeps the data file nearer the last commit; each checkpoint briefly holds the writes back.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Backups of the embedded database (<c>Storage:Backups:Folder</c>, <c>Storage:Backups:Keep</c>).</summary>
    public StorageBackupOptions Backups { get; set; } = new();

    /// <summary>Whether the data lives in an embedded LiteDB file.</summary>
    public bool IsLiteDb => string.Equals(Provider, LiteDbProvider, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the data lives on a PostgreSQL server, which several processes share, rather than in an embedded file.</summary>
    public bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);
}
