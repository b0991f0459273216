using System.Collections.Concurrent;
using Npgsql;

namespace NetworkBot.Tests.Postgres;

/// <summary>
/// The one PostgreSQL server of a test assembly (see <see cref="PostgresCollection"/>): a throw-away server
/// started from the installed binaries, or the one NETWORKBOT_TEST_POSTGRES names. Hands each test class a
/// database of its own; on dispose drops those it made on a named server and stops a throw-away one.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresAvailability availability = PostgresAvailability.Current;
    private readonly ConcurrentDictionary<Type, Lazy<Task<PostgresDatabase>>> databasesByTestClass = new();
    private readonly ConcurrentBag<string> createdDatabases = [];
    private PostgresServer? server;
    private string? connectionString;

    /// <summary>The superuser's connection string to the server's maintenance database.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException(availability.Explanation);

    /// <summary>Which server the tests use, for their output: "throw-away PostgreSQL on 127.0.0.1:PORT, started in N ms".</summary>
    public string Description =>
        server is not null
            ? $"throw-away PostgreSQL on 127.0.0.1:{server.Port} in {server.Folder}, started in {server.StartDuration.TotalMilliseconds:0} ms"
            : $"PostgreSQL named by {PostgresAvailability.ConnectionStringVariable}";

    /// <summary>Starts nothing where PostgreSQL is unavailable: those tests are skipped, or in CI fail when they ask for a database.</summary>
    public async Task InitializeAsync()
    {
        if (!availability.IsAvailable)
        {
            return;
        }

        if (availability.ExternalConnectionString is { } external)
        {
            connectionString = external;
            return;
        }

        server = await PostgresServer.StartAsync(availability.Binaries!, availability.RunAs, StartTimeout, CancellationToken.None);
        connectionString = server.ConnectionString;
    }

    /// <summary>The database of <paramref name="testClass"/>, made empty on its first test and shared by the rest.</summary>
    public Task<PostgresDatabase> DatabaseForAsync(Type testClass) =>
        databasesByTestClass.GetOrAdd(testClass, _ => new Lazy<Task<PostgresDatabase>>(() => CreateDatabaseAsync(CancellationToken.None))).Value;

    /// <summary>A new empty database, copied from template1 (a few milliseconds on the throw-away server).</summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = "nb_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        createdDatabases.Add(name);
        return new PostgresDatabase(name, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            server.Dispose();
            return;
        }

        if (connectionString is null)
        {
            return;
        }

        // A named server outlives the tests: leave it as it was found.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var name in createdDatabases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
