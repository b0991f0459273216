using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.LiteDb;

namespace NetworkBot.Host.Tests.Hosting;

/// <summary>
/// The scheduler's supervisor, which knows no LiteDB, sees a LiteDB engine failure (<see cref="LiteDbFailureException"/>,
/// as the store reports it) as the store failing, and stops the bot when that lasts, as it does for SQLite's and
/// PostgreSQL's; a key clash is one step's trouble and never stops it.
/// </summary>
public sealed class LiteDbStoreOutageTests
{
    [Fact]
    public async Task A_LiteDB_engine_failure_lasting_past_the_outage_limit_stops_the_scheduler_as_the_store_unavailable()
    {
        var time = new FakeTimeProvider();
        var supervisor = new StepSupervisor(SingleInstanceStepLock.Instance, time, NullLogger<StepSupervisor>.Instance);
        var failure = new LiteDbFailureException("LiteDB failed (120): lock timeout", new LiteException(LiteException.LOCK_TIMEOUT, "lock timeout"));

        var first = await supervisor.RunEachCommunityAsync("coffee", () => throw failure, _ => Task.FromResult(1), CancellationToken.None);
        time.Advance(StepSupervisor.StoreOutageLimit);
        var stopped = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => supervisor.RunEachCommunityAsync("coffee", () => throw failure, _ => Task.FromResult(1), CancellationToken.None));

        Assert.Equal(0, first);
        Assert.Same(failure, stopped.InnerException);
    }

    [Fact]
    public async Task A_LiteDB_key_clash_however_long_it_lasts_is_a_step_failure_that_never_stops_the_scheduler()
    {
        var time = new FakeTimeProvider();
        var supervisor = new StepSupervisor(SingleInstanceStepLock.Instance, time, NullLogger<StepSupervisor>.Instance);
        var clash = new LiteException(LiteException.INDEX_DUPLICATE_KEY, "Cannot insert duplicate key in unique index '_id'.");
        Task<IReadOnlyList<CommunityId>> WorkList() => throw clash;

        var first = await supervisor.RunEachCommunityAsync("coffee", WorkList, _ => Task.FromResult(1), CancellationToken.None);
        time.Advance(StepSupervisor.StoreOutageLimit + StepSupervisor.MaxBackoff);
        var later = await supervisor.RunEachCommunityAsync("coffee", WorkList, _ => Task.FromResult(1), CancellationToken.None);

        Assert.Equal((0, 0), (first, later));
    }
}
