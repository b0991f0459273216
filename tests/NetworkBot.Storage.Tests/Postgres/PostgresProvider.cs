using Microsoft.Extensions.Logging.Abstractions;
using NetworkBot.Storage.Postgres;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Tests.Postgres;
using Npgsql;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary>
/// The conformance suite's PostgreSQL: a new empty database per test on one throw-away server, migrated by the real
/// migrator. The conformance classes make their provider with <c>new()</c>, so the server is this process's own
/// <see cref="PostgresFixture"/>, started by the first test that asks and stopped when the process exits. Where
/// PostgreSQL is not available every test fails at its start with the reason and how to provide it.
/// </summary>
public sealed class PostgresProvider : StoreProvider
{
    private static readonly Lazy<Task<PostgresFixture>> Server = new(StartServerAsync);

    public override async Task<IStoreUnderTest> CreateAsync(CancellationToken ct)
    {
        var availability = PostgresAvailability.Current;
        if (!availability.IsAvailable)
        {
            // As [PostgresFact]: skipped with how to enable it, except in CI, which must run every PostgreSQL test.
            throw PostgresAvailability.RunsInCi ? new InvalidOperationException(availability.Explanation) : new SkipException(availability.Explanation);
        }

        var server = await Server.Value;
        var database = await server.CreateDatabaseAsync(ct);
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(dataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(ct);
        return new PostgresStoreUnderTest(dataSource);
    }

    private static async Task<PostgresFixture> StartServerAsync()
    {
        var fixture = new PostgresFixture();
        await fixture.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => fixture.DisposeAsync().GetAwaiter().GetResult();
        return fixture;
    }
}
