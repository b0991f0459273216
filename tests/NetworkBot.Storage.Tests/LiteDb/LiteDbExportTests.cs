using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Storage.Tests.Sqlite;
using NetworkBot.Tests.LiteDb;
using static NetworkBot.Storage.Tests.ExportStores;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.LiteDb;

/// <summary>
/// Export and import between SQLite and LiteDB: a community written through SQLite's store, imported into LiteDB and
/// exported again (and back) gives the very same document, and what LiteDB keeps beside the rows (the folded names, the
/// outbox's keys and due times, its numbering) is rebuilt so the imported data works as if LiteDB had written it.
/// </summary>
public sealed class LiteDbExportTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly ExportStores stores = new();

    public ValueTask DisposeAsync() => stores.DisposeAsync();

    [Fact]
    public async Task A_community_moved_from_SQLite_to_LiteDB_and_back_exports_the_same_document()
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);

        var (original, fromLiteDb, back) = await stores.RoundTripAsync(sqlite, new LiteDbProvider(), new SqliteProvider());

        Assert.Equal(original, fromLiteDb);
        Assert.Equal(original, back);
        Assert.Contains("フィンテック", original);
        Assert.Contains("\"attempts\": 1", original);
    }

    [Fact]
    public async Task Imported_members_are_found_by_name_ignoring_case()
    {
        var liteDb = await ImportedAsync();

        Assert.Equal([Id("u1")], (await liteDb.Store.FindMembersByNameAsync(Tokyo, "ÉLODIE", Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task Imported_messages_keep_their_state_and_are_numbered_in_creation_order_whatever_order_they_come_in()
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);
        var reversed = (await CommunitiesAsync(sqlite))
            .Select(c => c with { Tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>(c.Tables) { ["outbox"] = [.. c.Tables["outbox"].Reverse()] } })
            .ToList();
        var liteDb = await stores.CreateAsync(new LiteDbProvider());
        Assert.Null(await ExportStore(liteDb).ImportCommunitiesAsync(reversed, Ct));
        var store = liteDb.Store;

        var due = await store.ListDueOutboxAsync(DateTimeOffset.MaxValue.AddYears(-1), int.MaxValue, Ct);
        var backlog = await store.GetOutboxBacklogAsync(DateTimeOffset.MaxValue.AddYears(-1), Ct);
        await store.EnqueueAsync([Message(Tokyo, "waiting", T0.AddDays(9)), Message(Tokyo, "new", T0.AddDays(9))], Ct);

        Assert.Equal(["hello", "round", "schedule", "waiting"], due.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal(4, backlog.Depth);
        var numbered = ((LiteDbStore)store).Database.GetCollection(LiteDbCollections.Outbox).FindAll()
            .OrderBy(d => d["_id"].AsInt64)
            .Select(d => d["key"].AsString);
        Assert.Equal(["schedule", "round", "failed", "delivered", "waiting", "hello", "new"], numbered);
    }

    [Fact]
    public async Task An_import_rebuilds_every_document_as_the_store_writes_it()
    {
        var written = await stores.CreateAsync(new LiteDbProvider());
        await FillAsync(written.Store);
        var imported = await stores.CreateAsync(new LiteDbProvider());

        Assert.Null(await ExportStore(imported).ImportCommunitiesAsync(await CommunitiesAsync(written), Ct));

        var rows = LiteDbRows.Of(Database(imported));
        Assert.Equal(LiteDbRows.Of(Database(written)), rows);
        Assert.All(
            ExportFormat.Tables.Where(t => t.Name != "eventAttendees"),
            table => Assert.NotEmpty(rows.GetValueOrDefault(ExportNames.Table(table)) ?? []));
    }

    [Fact]
    public async Task Imported_events_answers_and_groups_are_found_through_the_fields_their_indexes_read()
    {
        var liteDb = await ImportedAsync();
        var store = liteDb.Store;

        var communities = await store.ListEventCommunitiesAsync(Ct);
        var answers = await store.ListMemberRsvpsAsync(Tokyo, Id("u2"), Ct);
        var rust = await store.GetInterestByNameAsync(Tokyo, "RUST", Ct);
        var cancelled = await store.RespondAsync(Tokyo, new EventId("ev1"), Id("u1"), RsvpStatus.NotGoing, T0.AddDays(1), _ => [], Ct);

        Assert.Equal([Tokyo], communities);
        Assert.Equal([RsvpStatus.Waitlisted], answers.Select(a => a.Status));
        Assert.Equal("Rust", rust?.Name);
        Assert.Equal([Id("u2")], cancelled.Promoted);
    }

    [Fact]
    public async Task Every_community_with_any_row_is_listed_once_in_id_order_and_exports_only_its_own()
    {
        var liteDb = await stores.CreateAsync(new LiteDbProvider());
        var onlyMessages = new CommunityId("c:messages");
        var onlyMembers = new CommunityId("a:members");
        var longerName = new CommunityId("a:members2");
        // Written last id first, so a walk in the order documents were written, not by the index, would miss the rest.
        await liteDb.Store.EnqueueAsync([Message(Osaka, "three", T0), Message(onlyMessages, "one", T0), Message(onlyMessages, "two", T0)], Ct);
        await liteDb.Store.SaveMembersAsync([Member(Osaka, "o1"), Member(onlyMembers, "m1"), Member(onlyMembers, "m2"), Member(longerName, "m1")], Ct);
        await liteDb.Store.SaveCommunityAsync(new Community(Tokyo, "Tokyo", CommunitySettings.Default, T0), Ct);

        var listed = await ExportStore(liteDb).ListCommunityIdsAsync(Ct);
        var members = (await ExportStore(liteDb).ExportCommunityAsync(onlyMembers, Ct))?.Tables["members"];

        Assert.Equal([onlyMembers, longerName, onlyMessages, Tokyo, Osaka], listed);
        Assert.Equal(["m1", "m2"], members?.Select(row => row[0]));
    }

    [Fact]
    public async Task A_community_with_nothing_stored_exports_as_null()
    {
        var liteDb = await ImportedAsync();

        Assert.Null(await ExportStore(liteDb).ExportCommunityAsync(new CommunityId("discord:nowhere"), Ct));
    }

    [Fact]
    public async Task Importing_a_community_that_has_data_is_refused_and_writes_nothing()
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);
        var liteDb = await stores.CreateAsync(new LiteDbProvider());
        await liteDb.Store.EnqueueAsync([Message(Tokyo, "already", T0)], Ct);

        var refusal = await ExportStore(liteDb).ImportCommunitiesAsync(await CommunitiesAsync(sqlite), Ct);

        Assert.Equal(new ImportRefusal(Tokyo, $"community {Tokyo} already has data in this database"), refusal);
        Assert.Equal([Tokyo], await ExportStore(liteDb).ListCommunityIdsAsync(Ct));
        Assert.Empty(await liteDb.Store.ListMembersAsync(Tokyo, Ct));
    }

    /// <summary>
    /// Where the SQL schema has the rule (<paramref name="sqliteRefuses"/>) SQLite refuses the row too; LiteDB also refuses
    /// an answer it could not index and a number its documents hold in 32 bits.
    /// </summary>
    [Theory]
    [InlineData("a key taken twice", "members", "Cannot insert duplicate key", true)]
    [InlineData("a group not there", "groupMembers", "group_id \"g-nowhere\" names no row of round_groups", true)]
    [InlineData("a connection to oneself", "connections", "member_a and member_b are both u1", true)]
    [InlineData("a key field missing", "blocks", "blocker_id is null, and this database needs a value", true)]
    [InlineData("a name missing", "members", "display_name is null, and this database needs a value", true)]
    [InlineData("a count beyond 32 bits", "members", "missed_rounds 4294967296 is beyond a 32-bit integer", false)]
    [InlineData("an answer of no kind", "rsvps", "status \"Perhaps\" is no answer", false)]
    public async Task A_row_that_does_not_fit_refuses_the_import_and_nothing_of_any_community_is_written(
        string spoil, string table, string reason, bool sqliteRefuses)
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);
        var communities = await CommunitiesAsync(sqlite);
        var tokyo = communities.Single(c => c.Id == Tokyo);
        IReadOnlyList<CommunityExport> spoiled = [.. communities.Where(c => c != tokyo), Spoiled(tokyo, spoil)];
        var liteDb = await stores.CreateAsync(new LiteDbProvider());

        var refusal = await ExportStore(liteDb).ImportCommunitiesAsync(spoiled, Ct);

        Assert.NotNull(refusal);
        Assert.Equal(Tokyo, refusal.Community);
        Assert.StartsWith($"a row of its {table} does not fit this database (", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, refusal.Reason, StringComparison.Ordinal);
        Assert.Empty(await ExportStore(liteDb).ListCommunityIdsAsync(Ct));
        var bySqlite = await ExportStore(await stores.CreateAsync(new SqliteProvider())).ImportCommunitiesAsync(spoiled, Ct);
        Assert.Equal(sqliteRefuses, bySqlite is not null);
    }

    /// <summary><paramref name="community"/>'s export with one row that a store must refuse.</summary>
    private static CommunityExport Spoiled(CommunityExport community, string spoil)
    {
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>(community.Tables);
        var members = tables["members"];
        var missedRounds = Field("members", "missedRounds");
        tables = spoil switch
        {
            "a key taken twice" => With(tables, "members", [.. members, members[0]]),
            "a group not there" => With(tables, "groupMembers", [["g-nowhere", "u1", 0L]]),
            "a connection to oneself" => With(tables, "connections", [["u1", "u1", "2025-04-01T00:30:15.1234567Z"]]),
            "a count beyond 32 bits" => With(tables, "members", [[.. members[0].Select((v, i) => i == missedRounds ? 1L << 32 : v)]]),
            "a key field missing" => With(tables, "blocks", [[null, "u1"]]),
            "a name missing" => With(tables, "members", [[.. members[0].Select((v, i) => i == Field("members", "displayName") ? null : v)]]),
            _ => With(tables, "rsvps", [["ev1", "u3", "Perhaps", "2025-04-01T00:30:15.1234567Z", null, false]]),
        };
        return community with { Tables = tables };
    }

    private static Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>> With(
        Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>> tables, string table, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        tables[table] = rows;
        return tables;
    }

    private static LiteDatabase Database(IStoreUnderTest underTest) => ((LiteDbStore)underTest.Store).Database;

    private static int Field(string table, string field) =>
        ExportFormat.Tables.Single(t => t.Name == table).Fields.Select(f => f.Name).ToList().IndexOf(field);

    /// <summary>A LiteDB store holding what <see cref="FillAsync"/> wrote to SQLite, imported.</summary>
    private async Task<IStoreUnderTest> ImportedAsync()
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);
        var liteDb = await stores.CreateAsync(new LiteDbProvider());
        Assert.Null(await ExportStore(liteDb).ImportCommunitiesAsync(await CommunitiesAsync(sqlite), Ct));
        return liteDb;
    }

    /// <summary>
    /// A row in every table (<see cref="FillEveryTableAsync"/>) and messages in every state: one delivered, one failed for
    /// good, one waiting for a retry.
    /// </summary>
    private static async Task FillAsync(IStore store)
    {
        await FillEveryTableAsync(store);
        await store.EnqueueAsync([Message(Tokyo, "failed", T0.AddTicks(10)), Message(Tokyo, "delivered", T0.AddTicks(11)), Message(Tokyo, "waiting", T0.AddTicks(12))], Ct);
        var sent = await store.ListDueOutboxAsync(T0.AddDays(1), 10, Ct);
        await store.MarkDeliveredAsync(sent.Single(m => m.Key == "delivered").Id, "ts-1", T0.AddMinutes(1), Ct);
        await store.MarkAttemptFailedAsync(sent.Single(m => m.Key == "failed").Id, "403 forbidden", null, Ct);
        await store.MarkAttemptFailedAsync(sent.Single(m => m.Key == "waiting").Id, "503 unavailable", T0.AddHours(1), Ct);
    }
}
