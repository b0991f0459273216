namespace NetworkBot.Bench.Storage;

/// <summary>A storage provider under test, and where its empty databases come from (one per measurement).</summary>
internal abstract class BenchProvider : IAsyncDisposable
{
    /// <summary>As the tables name it: "SQLite file", "PostgreSQL".</summary>
    public abstract string Name { get; }

    /// <summary>The <c>Storage:Provider</c> setting.</summary>
    public abstract string Setting { get; }

    /// <summary>Whether several processes may share one database (PostgreSQL), or one process owns it (a SQLite file).</summary>
    public abstract bool SharedByInstances { get; }

    /// <summary>What the database ran on and how it was configured, for the report.</summary>
    public abstract string Description { get; }

    /// <summary>A new empty database; returns its connection string.</summary>
    public abstract Task<string> CreateDatabaseAsync(CancellationToken ct);

    public Task<StoreInstance> OpenAsync(string connectionString, CancellationToken ct, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? replace = null) =>
        StoreInstance.OpenAsync(Setting, connectionString, replace, ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// The providers <paramref name="names"/> asks for (<c>sqlite</c>, <c>litedb</c>, <c>postgres</c>), in that order: PostgreSQL
    /// on the server <paramref name="namedPostgres"/> names, else a throw-away one; why it is missing when it cannot start.
    /// </summary>
    public static async Task<(List<BenchProvider> Providers, string? Unavailable)> StartAsync(
        IReadOnlyCollection<string> names, string? namedPostgres, CancellationToken ct)
    {
        var providers = new List<BenchProvider>();
        string? unavailable = null;
        if (names.Contains("sqlite"))
        {
            providers.Add(new SqliteBenchProvider());
        }

        if (names.Contains("litedb"))
        {
            providers.Add(new LiteDbBenchProvider());
        }

        if (names.Contains("postgres"))
        {
            var (postgres, reason) = await PostgresBenchProvider.StartAsync(namedPostgres, ct);
            unavailable = reason;
            providers.AddRange(postgres is null ? [] : [postgres]);
        }

        return (providers, unavailable);
    }
}
