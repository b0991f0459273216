namespace NetworkBot.Storage;

/// <summary>The <c>Storage</c> configuration section: which database NetworkBot keeps its data in.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string SqliteProvider = "sqlite";

    /// <summary><c>sqlite</c> (embedded, the default); <c>postgres</c> arrives with a later change.</summary>
    public string Provider { get; set; } = SqliteProvider;

    public string ConnectionString { get; set; } = "Data Source=data/networkbot.db";

    internal bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);
}
