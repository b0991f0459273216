using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Postgres;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary><c>Storage:Provider=postgres</c> through the real container: the PostgreSQL store, migrator and export, one instance.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRegistrationTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [PostgresFact]
    public async Task Configured_database_is_migrated_and_used_through_the_container()
    {
        var database = await postgres.CreateDatabaseAsync(Ct);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = database.ConnectionString });
        builder.AddNetworkBotStorage();
        using var host = builder.Build();
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(Ct);
        await host.Services.GetRequiredService<IStore>().SaveMemberAsync(TestData.Member(TestData.Tokyo, "u1"), Ct);

        Assert.IsType<PostgresMigrator>(host.Services.GetRequiredService<IStoreMigrator>());
        Assert.Same(host.Services.GetRequiredService<IStore>(), host.Services.GetRequiredService<IExportStore>());
        Assert.Same(host.Services.GetRequiredService<IStore>(), host.Services.GetRequiredService<IOutboxStore>());
        Assert.IsType<PostgresStore>(host.Services.GetRequiredService<IStore>());
        Assert.EndsWith($"/{database.Name}", report.Location, StringComparison.Ordinal);
        Assert.Equal([TestData.Tokyo], await host.Services.GetRequiredService<IExportStore>().ListCommunityIdsAsync(Ct));
        await host.StopAsync();
    }
}
