using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Storage.LiteDb;

namespace NetworkBot.Storage.Tests.LiteDb;

/// <summary>
/// A LiteDB engine failure reaches Core as an <see cref="IOException"/> (<see cref="LiteDbFailureException"/>), which its
/// step supervisor counts as the store failing; a key clash stays LiteDB's own exception, the writer's failure.
/// </summary>
public sealed class LiteDbFailureTests : IDisposable
{
    private static readonly CommunityId Tokyo = new("slack:T-TOKYO");

    private readonly TempLiteDbFile file = new();
    private readonly LiteDbStore store;

    public LiteDbFailureTests()
    {
        store = file.Store();
    }

    public void Dispose()
    {
        store.Dispose();
        file.Dispose();
    }

    [Fact]
    public async Task An_engine_failure_in_a_write_or_in_maintenance_fails_as_IO_and_rolls_the_write_back()
    {
        await file.Migrator().MigrateAsync(CancellationToken.None);
        var community = new Community(Tokyo, "Tokyo", CommunitySettings.Default, DateTimeOffset.UnixEpoch);

        // What LiteDB throws when a lock is not granted in time (its Timeout), after the write has changed something.
        var write = await Assert.ThrowsAsync<LiteDbFailureException>(() => store.Writer.WriteAsync(
            db =>
            {
                db.GetCollection(LiteDbCollections.Communities).Insert(new BsonDocument { ["_id"] = "half-written" });
                throw new LiteException(LiteException.LOCK_TIMEOUT, "Database lock timeout when entering in transaction mode after 00:01:00");
            },
            CancellationToken.None));
        var maintenance = await Assert.ThrowsAsync<LiteDbFailureException>(() => store.Writer.MaintainAsync<bool>(
            _ => throw new LiteException(LiteException.INVALID_DATAFILE_STATE, "The data file is in an invalid state"),
            CancellationToken.None));
        await store.SaveCommunityAsync(community, CancellationToken.None);

        Assert.IsAssignableFrom<IOException>(write);
        Assert.Equal(LiteException.LOCK_TIMEOUT, Assert.IsType<LiteException>(write.InnerException).ErrorCode);
        Assert.Equal(LiteException.INVALID_DATAFILE_STATE, Assert.IsType<LiteException>(maintenance.InnerException).ErrorCode);
        Assert.Null(store.Database.GetCollection(LiteDbCollections.Communities).FindById("half-written"));
        Assert.Equal("Tokyo", (await store.GetCommunityAsync(Tokyo, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task A_duplicate_key_is_the_writer_s_failure_and_stays_LiteDB_s_own()
    {
        await store.Writer.WriteAsync(db => db.GetCollection("notes").Insert(new BsonDocument { ["_id"] = "a" }), CancellationToken.None);

        var clash = await Assert.ThrowsAsync<LiteException>(
            () => store.Writer.WriteAsync(db => db.GetCollection("notes").Insert(new BsonDocument { ["_id"] = "a" }), CancellationToken.None));

        Assert.Equal(LiteException.INDEX_DUPLICATE_KEY, clash.ErrorCode);
    }
}
