using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Core;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Tests.Outbox;
using NetworkBot.Host.Hosting;
using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Hosting;

public sealed class OutboxWorkerTests : IDisposable
{
    private static readonly CommunityId Community = CommunityId.For(GatedPlatform.Name, "c");

    private readonly TempDatabase database = new();
    private readonly GatedPlatform platform = new();

    public void Dispose() => database.Dispose();

    private IHost Build(Dictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? [])
        {
            ["Storage:ConnectionString"] = database.ConnectionString,
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IChatPlatform>(platform);
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        builder.AddNetworkBotWorkers();
        return builder.Build();
    }

    private async Task<SqliteStore> StoreAsync()
    {
        var storage = Options.Create(new StorageOptions { ConnectionString = database.ConnectionString });
        await new SqliteMigrator(storage, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new SqliteStore(storage);
    }

    private static OutboxMessage Message(string key) =>
        OutboxMessage.Create(Community, key, MessageTarget.ToChannel("c"), new Reply(key), DateTimeOffset.UtcNow.AddMinutes(-1));

    [Fact]
    public async Task Stopping_the_host_lets_the_delivery_under_way_finish_and_a_restart_sends_nothing_again()
    {
        var store = await StoreAsync();
        await store.EnqueueAsync([Message("in-flight")], CancellationToken.None);
        platform.Hold("in-flight");
        using (var host = Build())
        {
            await host.StartAsync();
            var token = await platform.BeganAsync("in-flight");

            var stopping = host.StopAsync();
            Assert.False(token.IsCancellationRequested);
            Assert.False(stopping.IsCompleted);
            platform.Release("in-flight", new DeliveryResult.Delivered("ref"));
            await stopping;
        }

        Assert.Empty(await store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
        await store.EnqueueAsync([Message("after-restart")], CancellationToken.None);
        using (var restarted = Build())
        {
            await restarted.StartAsync();
            await platform.BeganAsync("after-restart");
            await restarted.StopAsync();
        }

        Assert.Equal(["in-flight", "after-restart"], platform.Calls);
    }

    [Fact]
    public void The_hosts_shutdown_timeout_covers_the_delivery_grace()
    {
        using var host = Build(new() { ["Worker:DeliveryGrace"] = "00:01:00" });
        using var defaults = Build();

        Assert.Equal(TimeSpan.FromMinutes(1) + WorkerOptions.ShutdownMargin, host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), defaults.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
