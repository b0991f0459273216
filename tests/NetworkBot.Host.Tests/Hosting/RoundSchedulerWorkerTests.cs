using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Hosting;
using NetworkBot.Storage;
using NetworkBot.Tests;
using NSubstitute;

namespace NetworkBot.Host.Tests.Hosting;

/// <summary>The clock loop: steps' failures never end it; a store unreachable past the bound does, and stops the host.</summary>
public sealed class RoundSchedulerWorkerTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_store_unreachable_past_the_bound_ends_the_loop_with_StoreUnavailableException()
    {
        // Every work list fails as a store that cannot be opened does; each tick ends at the list of communities whose old
        // delivered messages go (the retention step's last part, due every tick: the clock moves a retention tick each
        // time), which says so.
        var ticks = new SemaphoreSlim(0);
        var unreachable = Task.FromException<IReadOnlyList<CommunityId>>(new SqliteException("unable to open database file", 14));
        var coffee = Substitute.For<ICoffeeStore>();
        coffee.ListCoffeeCommunitiesAsync(Arg.Any<CancellationToken>()).Returns(unreachable);
        var events = Substitute.For<IEventStore>();
        events.ListEventCommunitiesAsync(Arg.Any<CancellationToken>()).Returns(unreachable);
        var asks = Substitute.For<IAskStore>();
        asks.ListDueAsksAsync(default, default).ReturnsForAnyArgs(Task.FromException<IReadOnlyList<Ask>>(new SqliteException("unable to open database file", 14)));
        var privacy = Substitute.For<IPrivacyStore>();
        privacy.ListLeaversAsync(Arg.Any<CancellationToken>()).Returns(Task.FromException<IReadOnlyList<Leaver>>(new SqliteException("unable to open database file", 14)));
        var exports = Substitute.For<IExportStore>();
        exports.ListCommunityIdsAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            ticks.Release();
            return unreachable;
        });
        using var host = Build(services =>
        {
            services.AddSingleton(coffee);
            services.AddSingleton(events);
            services.AddSingleton(asks);
            services.AddSingleton(privacy);
            services.AddSingleton(exports);
        });
        using var worker = new RoundSchedulerWorker(
            host.Services.GetRequiredService<ScheduledSteps>(),
            Options.Create(new WorkerOptions { SchedulerTick = StepSupervisor.MaxBackoff, RetentionTick = StepSupervisor.MaxBackoff }),
            clock);

        await worker.StartAsync(CancellationToken.None);
        for (var tick = 0; tick < 3 && !worker.ExecuteTask!.IsCompleted; tick++)
        {
            // A tick a back-off apart, so every step is tried again: past the bound at the second.
            await Task.WhenAny(ticks.WaitAsync(), worker.ExecuteTask!);
            clock.Advance(StepSupervisor.MaxBackoff);
        }

        await Assert.ThrowsAsync<StoreUnavailableException>(() => worker.ExecuteTask!);
        Assert.Equal(2, coffee.ReceivedCalls().Count());
    }

    [Fact]
    public void The_host_options_are_set_explicitly_a_failed_worker_stops_the_host_within_fifteen_seconds()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddNetworkBotWorkers();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.Equal((BackgroundServiceExceptionBehavior.StopHost, TimeSpan.FromSeconds(15)), (options.BackgroundServiceExceptionBehavior, options.ShutdownTimeout));
    }

    private IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = database.ConnectionString });
        builder.Services.AddSingleton<TimeProvider>(clock);
        configure(builder.Services);
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        return builder.Build();
    }
}
