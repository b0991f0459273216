using Microsoft.Extensions.Logging.Abstractions;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Postgres;
using NetworkBot.Tests.Postgres;
using Npgsql;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary>The PostgreSQL migrator: its own history, once per version however many instances start together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync(Ct);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [PostgresFact]
    public async Task A_new_database_is_created_at_the_latest_version_and_a_second_run_changes_nothing()
    {
        var first = await Migrator().MigrateAsync(Ct);
        var second = await Migrator().MigrateAsync(Ct);

        Assert.Equal((0, PostgresMigrations.LatestVersion), (first.FromVersion, first.ToVersion));
        Assert.True(first.CreatedNew);
        Assert.Equal((PostgresMigrations.LatestVersion, PostgresMigrations.LatestVersion), (second.FromVersion, second.ToVersion));
        Assert.Equal(PostgresMigrations.LatestVersion, await ScalarAsync<long>("SELECT COUNT(*) FROM networkbot_schema_migrations"));
    }

    [PostgresFact]
    public async Task Instances_starting_together_migrate_once()
    {
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(dataSource.ConnectionString)).ToList();
        try
        {
            var reports = await Task.WhenAll(sources.Select(s => Task.Run(() => new PostgresMigrator(s, NullLogger<PostgresMigrator>.Instance).MigrateAsync(Ct))));

            Assert.Single(reports, r => r.CreatedNew);
            Assert.All(reports, r => Assert.Equal(PostgresMigrations.LatestVersion, r.ToVersion));
            Assert.Equal(PostgresMigrations.LatestVersion, await ScalarAsync<long>("SELECT COUNT(*) FROM networkbot_schema_migrations"));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task A_schema_newer_than_the_build_is_refused_and_left_as_it_is()
    {
        await Migrator().MigrateAsync(Ct);
        await ScalarAsync<int>("INSERT INTO networkbot_schema_migrations VALUES (99, 'from the future', now())");

        var refused = await Assert.ThrowsAsync<SchemaNewerThanBuildException>(() => Migrator().MigrateAsync(Ct));

        Assert.Contains("version 99", refused.Message);
        Assert.Equal(99, await ScalarAsync<int>("SELECT MAX(version) FROM networkbot_schema_migrations"));
    }

    [PostgresFact]
    public async Task The_reported_location_names_host_and_database_but_no_credentials()
    {
        var report = await Migrator().MigrateAsync(Ct);
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.Equal($"postgresql://{settings.Host}:{settings.Port}/{settings.Database}", report.Location);
        Assert.DoesNotContain("@", report.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("password", report.Location, StringComparison.OrdinalIgnoreCase);
    }

    [PostgresFact]
    public async Task A_server_that_cannot_be_reached_is_one_sentence_without_the_password()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString) { Port = 1, Password = "s3cret-pw", Timeout = 2 };
        await using var nowhere = NpgsqlDataSource.Create(unreachable.ConnectionString);

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => new PostgresMigrator(nowhere, NullLogger<PostgresMigrator>.Instance).MigrateAsync(Ct));

        Assert.StartsWith($"the PostgreSQL database postgresql://{unreachable.Host}:1/{unreachable.Database} could not be opened: ", refused.Message);
        Assert.DoesNotContain("s3cret-pw", refused.Message, StringComparison.Ordinal);
    }

    private PostgresMigrator Migrator() => new(dataSource, NullLogger<PostgresMigrator>.Instance);

    private async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync(Ct) is T value ? value : default;
    }
}
