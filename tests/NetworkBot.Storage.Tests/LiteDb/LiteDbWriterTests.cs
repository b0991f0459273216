using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Storage.LiteDb;

namespace NetworkBot.Storage.Tests.LiteDb;

/// <summary>The writer's group commit: writes queued together commit together, and one failing write costs the others nothing.</summary>
public sealed class LiteDbWriterTests : IDisposable
{
    private const string Collection = "writer_test";

    private readonly TempLiteDbFile file = new();
    private readonly LiteDbStore store;

    public LiteDbWriterTests() => store = file.Store();

    public void Dispose()
    {
        store.Dispose();
        file.Dispose();
    }

    [Fact]
    public async Task A_failing_write_in_a_group_fails_alone_and_the_writes_around_it_are_kept_in_order()
    {
        using var release = new ManualResetEventSlim();
        var blocker = store.Writer.MaintainAsync(_ => release.Wait(TimeSpan.FromMinutes(1)), CancellationToken.None);

        // Queued while the writer is held, so they are taken as one group.
        var first = store.Writer.WriteAsync(db => Insert(db, "a"), CancellationToken.None);
        var failing = store.Writer.WriteAsync(
            db =>
            {
                Insert(db, "never kept");
                throw new InvalidOperationException("refused");
            },
            CancellationToken.None);
        var last = store.Writer.WriteAsync(db => db.GetCollection(Collection).Count(), CancellationToken.None);
        release.Set();

        Assert.True(await blocker);
        await first;
        Assert.Equal("refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal(1, await last);
        Assert.Equal(["a"], store.Database.GetCollection(Collection).FindAll().Select(d => d["_id"].AsString).ToList());
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_before_it_ran_is_not_run()
    {
        using var release = new ManualResetEventSlim();
        using var giveUp = new CancellationTokenSource();
        var blocker = store.Writer.MaintainAsync(_ => release.Wait(TimeSpan.FromMinutes(1)), CancellationToken.None);
        var abandoned = store.Writer.WriteAsync(db => Insert(db, "abandoned"), giveUp.Token);
        var kept = store.Writer.WriteAsync(db => Insert(db, "kept"), CancellationToken.None);
        await giveUp.CancelAsync();
        release.Set();

        await blocker;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await kept;
        Assert.Equal(["kept"], store.Database.GetCollection(Collection).FindAll().Select(d => d["_id"].AsString).ToList());
    }

    [Fact]
    public async Task A_store_read_runs_on_the_writer_thread_never_beside_a_write()
    {
        using var release = new ManualResetEventSlim();
        var blocker = store.Writer.MaintainAsync(_ => release.Wait(TimeSpan.FromMinutes(1)), CancellationToken.None);

        var read = store.GetCommunityAsync(new CommunityId("shell:nowhere"), CancellationToken.None);

        Assert.False(read.IsCompleted);
        release.Set();
        Assert.True(await blocker);
        Assert.Null(await read);
    }

    private static void Insert(LiteDatabase db, string id) => db.GetCollection(Collection).Insert(new BsonDocument { ["_id"] = id });
}
