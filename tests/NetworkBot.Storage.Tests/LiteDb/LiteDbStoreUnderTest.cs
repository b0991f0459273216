using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Tests.Privacy;

namespace NetworkBot.Storage.Tests.LiteDb;

/// <summary>
/// A LiteDB store over its own file, with the conformance hooks answered through the file's one
/// <see cref="LiteDatabase"/> (a second in this process is what the store's guard forbids).
/// </summary>
internal sealed class LiteDbStoreUnderTest : IStoreUnderTest
{
    /// <summary>
    /// The <c>_id</c> of the document that <see cref="FailInsertsIntoAsync"/> leaves in a collection: a number, as the
    /// outbox's ids are (LiteDB assigns them from 1), and no composite key is one.
    /// </summary>
    private const long Injected = 0;

    /// <summary>The field and index with which <see cref="FailInsertsIntoAsync"/> tells the documents there before it from the rest.</summary>
    private const string InjectedField = "injected_failure";

    private readonly TempLiteDbFile file;
    private readonly LiteDbStore store;
    private readonly List<LiteDbStore> opened = [];

    public LiteDbStoreUnderTest(TempLiteDbFile file)
    {
        this.file = file;
        store = file.Store();
        opened.Add(store);
    }

    public IStore Store => store;

    /// <summary>The store as the LiteDB type, for tests that write behind it on its writer thread.</summary>
    public LiteDbStore LiteDb => store;

    public IStore OpenAgain()
    {
        var again = file.Store();
        opened.Add(again);
        return again;
    }

    /// <summary>
    /// A unique index that keys every document already there by its own <c>_id</c> (copied into a field) and every other
    /// one, the marker included, by one constant: LiteDB itself then refuses every later insert (a duplicate key), as a SQL
    /// trigger would. LiteDB refuses an index on a constant alone. The marker is left out of <see cref="CountRowsAsync"/>.
    /// </summary>
    public Task FailInsertsIntoAsync(StoreTable table) =>
        store.Writer.WriteAsync(
            db =>
            {
                var collection = db.GetCollection(table.SqlName());
                foreach (var document in collection.FindAll().ToList())
                {
                    document[InjectedField] = document["_id"];
                    collection.Update(document);
                }

                collection.Insert(new BsonDocument { ["_id"] = Injected });
                collection.EnsureIndex(InjectedField, $"COALESCE($.{InjectedField}, 'inserted later')", unique: true);
            },
            CancellationToken.None);

    public Task<long> CountRowsAsync(StoreTable table) =>
        Task.FromResult(store.Database.GetCollection(table.SqlName()).LongCount(Query.Not("_id", Injected)));

    public Task<StoredOutboxRow> ReadOutboxRowAsync(CommunityId community, string key)
    {
        var row = OutboxRow(community, key);
        return Task.FromResult(new StoredOutboxRow(
            row["attempts"].AsInt64,
            row["last_error"].IsNull ? null : row["last_error"].AsString,
            row["message_ref"].IsNull ? null : row["message_ref"].AsString));
    }

    /// <summary>Cuts the reply's JSON short, as a torn write would leave it.</summary>
    public Task MakeOutboxReplyUnreadableAsync(CommunityId community, string key) =>
        store.Writer.WriteAsync(
            db =>
            {
                var row = OutboxRow(community, key);
                row["reply"] = "{\"text\": ";
                Assert.True(db.GetCollection(LiteDbCollections.Outbox).Update(row));
            },
            CancellationToken.None);

    /// <summary>Through the store's own open database, on its writer thread, between writes.</summary>
    public Task<StoreScanResult> ScanAsync(IReadOnlyList<string> needles) =>
        store.Writer.MaintainAsync(db => StoreScan.LiteDb(db, needles), CancellationToken.None);

    public bool IsIntegrityViolation(Exception exception) =>
        exception is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY } or LiteDbIntegrityException;

    public ValueTask DisposeAsync()
    {
        foreach (var each in opened)
        {
            each.Dispose();
        }

        file.Dispose();
        return ValueTask.CompletedTask;
    }

    private BsonDocument OutboxRow(CommunityId community, string key) =>
        store.Database.GetCollection(LiteDbCollections.Outbox)
            .FindOne(Query.And(Query.EQ("community_id", community.Value), Query.EQ("key", key)))
        ?? throw new Xunit.Sdk.XunitException($"No outbox row {community.Value}/{key}");
}
