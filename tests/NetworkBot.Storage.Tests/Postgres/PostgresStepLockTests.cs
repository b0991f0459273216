using Microsoft.Extensions.Logging.Abstractions;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Postgres;
using NetworkBot.Tests.Postgres;
using Npgsql;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary>
/// Two instances on one database, each with its own pool, store and step lock: a community's scheduler step runs on one
/// of them at a time, and everything a step stores commits or rolls back with it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStepLockTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Instance first = null!;
    private Instance second = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateDatabaseAsync(Ct);
        first = new Instance(NpgsqlDataSource.Create(database.ConnectionString));
        second = new Instance(NpgsqlDataSource.Create(database.ConnectionString));
        await new PostgresMigrator(first.DataSource, NullLogger<PostgresMigrator>.Instance).MigrateAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        await first.DataSource.DisposeAsync();
        await second.DataSource.DisposeAsync();
    }

    [PostgresFact]
    public async Task While_one_instance_takes_a_communitys_step_the_other_skips_it_but_not_another_communitys()
    {
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = first.Lock.RunAsync(Tokyo, async () =>
        {
            inside.SetResult();
            await release.Task;
            return 1;
        }, Ct);
        await inside.Task;

        var ranWhileHeld = false;
        var skipped = await second.Lock.RunAsync(Tokyo, () => { ranWhileHeld = true; return Task.FromResult(1); }, Ct);
        var otherCommunity = await second.Lock.RunAsync(Osaka, () => Task.FromResult(7), Ct);
        release.SetResult();
        var held = await holding;
        var afterwards = await second.Lock.RunAsync(Tokyo, () => Task.FromResult(3), Ct);

        Assert.Null(skipped);
        Assert.False(ranWhileHeld);
        Assert.Equal(7, otherCommunity);
        Assert.Equal(1, held);
        Assert.Equal(3, afterwards);
    }

    [PostgresFact]
    public async Task A_steps_writes_are_seen_by_other_instances_only_once_the_step_commits()
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seenInsideStep = false;
        var step = first.Lock.RunAsync(Tokyo, async () =>
        {
            await first.Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
            seenInsideStep = await first.Store.GetScheduleAsync(Tokyo, Ct) is not null;
            written.SetResult();
            await release.Task;
            return 1;
        }, Ct);
        await written.Task;

        var seenDuringStep = await second.Store.GetScheduleAsync(Tokyo, Ct);
        release.SetResult();
        await step;
        var seenAfterStep = await second.Store.GetScheduleAsync(Tokyo, Ct);

        Assert.True(seenInsideStep);
        Assert.Null(seenDuringStep);
        Assert.NotNull(seenAfterStep);
    }

    [PostgresFact]
    public async Task A_step_that_fails_stores_nothing_and_lets_go_of_the_lock()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.Lock.RunAsync(Tokyo, async () =>
        {
            await first.Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
            throw new InvalidOperationException("the step failed after its write");
        }, Ct));

        var next = await second.Lock.RunAsync(Tokyo, () => Task.FromResult(1), Ct);

        Assert.Null(await second.Store.GetScheduleAsync(Tokyo, Ct));
        Assert.Equal(1, next);
    }

    [PostgresFact]
    public async Task A_write_refused_as_stale_inside_a_step_undoes_only_itself()
    {
        await first.Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
        var read = (await first.Store.GetScheduleAsync(Tokyo, Ct))!;
        await second.Store.SaveScheduleAsync(read with { GroupSize = 3 }, [], Ct);

        var stale = false;
        await first.Lock.RunAsync(Tokyo, async () =>
        {
            try
            {
                await first.Store.SaveScheduleAsync(read with { GroupSize = 4 }, [], Ct);
            }
            catch (StaleWriteException)
            {
                stale = true;
            }

            await first.Store.SaveScheduleAsync(Schedule(Osaka), [], Ct);
            return 1;
        }, Ct);

        Assert.True(stale);
        Assert.Equal(3, (await second.Store.GetScheduleAsync(Tokyo, Ct))!.GroupSize);
        Assert.NotNull(await second.Store.GetScheduleAsync(Osaka, Ct));
    }

    /// <summary>What one bot process has over the shared database.</summary>
    private sealed class Instance(NpgsqlDataSource dataSource)
    {
        public NpgsqlDataSource DataSource { get; } = dataSource;

        public PostgresStore Store { get; } = new(dataSource);

        public PostgresStepLock Lock { get; } = new(dataSource);
    }
}
