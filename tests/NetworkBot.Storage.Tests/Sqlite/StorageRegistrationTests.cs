using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Sqlite;
using NSubstitute;

namespace NetworkBot.Storage.Tests.Sqlite;

public sealed class StorageRegistrationTests
{
    [Fact]
    public void Default_configuration_uses_sqlite_in_the_data_directory()
    {
        using var host = Build([]);

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal("sqlite", options.Provider);
        Assert.Equal("Data Source=data/networkbot.db", options.ConnectionString);
        Assert.IsType<SqliteStore>(host.Services.GetRequiredService<IStore>());
        Assert.IsType<SqliteMigrator>(host.Services.GetRequiredService<IStoreMigrator>());
    }

    [Fact]
    public async Task Configured_database_is_migrated_and_used_through_the_container()
    {
        await using var database = new TempDatabase();
        using var host = Build(new() { ["Storage:ConnectionString"] = database.ConnectionString });
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        await host.Services.GetRequiredService<IStore>().SaveMemberAsync(TestData.Member(TestData.Tokyo, "u1"), CancellationToken.None);

        Assert.Equal(database.FilePath, report.Location);
        Assert.Equal(1L, await database.CountAsync("members"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Unknown_provider_stops_the_host_at_start_naming_the_choices()
    {
        using var host = Build(new() { ["Storage:Provider"] = "mysql" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Storage:Provider must be 'sqlite', 'litedb' or 'postgres'."], error.Failures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Data Source=data/networkbot.db")]
    [InlineData("Database=networkbot")]
    public async Task Postgres_provider_with_no_server_in_its_connection_string_stops_the_host_at_start(string? connectionString)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "postgres" };
        if (connectionString is not null)
        {
            settings["Storage:ConnectionString"] = connectionString;
        }

        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Storage:ConnectionString must be a PostgreSQL connection string", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_connection_string_stops_the_host_at_start()
    {
        using var host = Build(new() { ["Storage:ConnectionString"] = " " });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Storage:ConnectionString must not be empty."], error.Failures);
    }

    [Fact]
    public void A_store_registered_earlier_is_kept()
    {
        var fake = Substitute.For<IStore>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(fake);

        builder.AddNetworkBotStorage();
        using var host = builder.Build();

        Assert.Same(fake, host.Services.GetRequiredService<IStore>());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNetworkBotStorage();
        return builder.Build();
    }
}
