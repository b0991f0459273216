using NetworkBot.Storage;
using NetworkBot.Tests.Postgres;
using Npgsql;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// Databases made on a PostgreSQL server: the throw-away one the tests start from the installed binaries, or the server
/// <c>--postgres</c> names (its user needs CREATEDB). Each measurement gets a database of its own, dropped at the end.
/// </summary>
internal sealed class PostgresBenchProvider : BenchProvider
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string serverConnectionString;
    private readonly PostgresServer? server;
    private readonly List<string> created = [];

    private PostgresBenchProvider(string serverConnectionString, PostgresServer? server, string description)
    {
        this.serverConnectionString = serverConnectionString;
        this.server = server;
        Description = description;
    }

    public override string Name => "PostgreSQL";

    public override string Setting => StorageOptions.PostgresProvider;

    public override bool SharedByInstances => true;

    public override string Description { get; }

    /// <summary>
    /// The server <paramref name="connectionString"/> names, else a throw-away one (as the tests start it); null with the
    /// reason when neither is there.
    /// </summary>
    public static async Task<(PostgresBenchProvider? Provider, string? Unavailable)> StartAsync(string? connectionString, CancellationToken ct)
    {
        if (connectionString is null && PostgresAvailability.Current is { IsAvailable: false } missing)
        {
            return (null, $"{missing.UnavailableReason}; {PostgresAvailability.HowToEnable}, or pass --postgres \"Host=…;Username=…\"");
        }

        connectionString ??= PostgresAvailability.Current.ExternalConnectionString;
        var server = connectionString is null
            ? await PostgresServer.StartAsync(PostgresAvailability.Current.Binaries!, PostgresAvailability.Current.RunAs, StartTimeout, ct)
            : null;
        var serverConnectionString = server?.ConnectionString ?? connectionString!;
        var where = server is null ? "the PostgreSQL server named by --postgres" : $"a throw-away PostgreSQL server (the tests' {nameof(PostgresServer)}) on 127.0.0.1:{server.Port}";
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(ct);
        var settings = new List<string>();
        foreach (var setting in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_connections" })
        {
            await using var show = new NpgsqlCommand($"SHOW {setting}", connection);
            settings.Add($"{setting} {await show.ExecuteScalarAsync(ct)}");
        }

        return (new PostgresBenchProvider(serverConnectionString, server, $"{where}: {string.Join(", ", settings)}"), null);
    }

    public override async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = "nb_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync(ct);
        created.Add(name);
        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is not null)
        {
            server.Dispose();
            return;
        }

        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        foreach (var name in created)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
