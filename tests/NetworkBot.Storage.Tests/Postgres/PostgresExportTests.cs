using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Storage.Tests.Sqlite;
using NetworkBot.Tests.Postgres;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary>
/// Export and import between SQLite and PostgreSQL: a community written through SQLite's store, imported into
/// PostgreSQL and exported again (and back) gives the very same document, so data moves between providers unchanged.
/// </summary>
public sealed class PostgresExportTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly List<IStoreUnderTest> stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_community_moved_from_SQLite_to_PostgreSQL_and_back_exports_the_same_document()
    {
        var sqlite = await StoreAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);
        var original = await ExportAsync(sqlite);
        var postgres = await StoreAsync(new PostgresProvider());
        var back = await StoreAsync(new SqliteProvider());

        Assert.Null(await Export(postgres).ImportCommunitiesAsync(await CommunitiesAsync(sqlite), Ct));
        var fromPostgres = await ExportAsync(postgres);
        Assert.Null(await Export(back).ImportCommunitiesAsync(await CommunitiesAsync(postgres), Ct));

        Assert.Equal(original, fromPostgres);
        Assert.Equal(original, await ExportAsync(back));
        Assert.Contains("\"members\"", original);
        Assert.Contains("フィンテック", original);
    }

    [PostgresFact]
    public async Task Imported_members_are_found_by_name_ignoring_case()
    {
        var sqlite = await StoreAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);
        var postgres = await StoreAsync(new PostgresProvider());

        Assert.Null(await Export(postgres).ImportCommunitiesAsync(await CommunitiesAsync(sqlite), Ct));

        Assert.Equal([Id("u1")], (await postgres.Store.FindMembersByNameAsync(Tokyo, "ÉLODIE", Ct)).Select(m => m.Id));
    }

    [PostgresFact]
    public async Task Importing_a_community_that_has_data_is_refused_and_writes_nothing()
    {
        var sqlite = await StoreAsync(new SqliteProvider());
        await FillAsync(sqlite.Store);
        var postgres = await StoreAsync(new PostgresProvider());
        await postgres.Store.SaveMemberAsync(Member(Tokyo, "someone"), Ct);

        var refusal = await Export(postgres).ImportCommunitiesAsync(await CommunitiesAsync(sqlite), Ct);

        Assert.NotNull(refusal);
        Assert.Equal(Tokyo, refusal.Community);
        Assert.Equal([Id("someone")], (await postgres.Store.ListMembersAsync(Tokyo, Ct)).Select(m => m.Id));
    }

    private static IExportStore Export(IStoreUnderTest underTest) => (IExportStore)underTest.Store;

    private static async Task<IReadOnlyList<CommunityExport>> CommunitiesAsync(IStoreUnderTest underTest)
    {
        var communities = new List<CommunityExport>();
        foreach (var id in await Export(underTest).ListCommunityIdsAsync(Ct))
        {
            communities.Add((await Export(underTest).ExportCommunityAsync(id, Ct))!);
        }

        return communities;
    }

    private static async Task<string> ExportAsync(IStoreUnderTest underTest) => ExportDocument.Write(await CommunitiesAsync(underTest));

    /// <summary>A row in every table the format has, with the values that are easy to get wrong: ticks, dates, Unicode, nulls.</summary>
    private static async Task FillAsync(IStore store)
    {
        await store.SaveCommunityAsync(
            new Community(Tokyo, "東京コミュニティ", new CommunitySettings(Language.Ja, "Asia/Tokyo", "intros", null, "news", "role-1", [Id("mana")]), T0),
            Ct);
        await store.SaveMembersAsync(
            [
                Member(Tokyo, "u1", "Élodie") with { Profile = JapaneseProfile },
                Member(Tokyo, "u2", coffee: new CoffeeEnrollment(true, new DateOnly(2025, 5, 1), true)),
                Member(Tokyo, "u3"),
                Member(Osaka, "o1"),
            ],
            Ct);
        await store.SaveScheduleAsync(Schedule(Tokyo) with { NoticeSentFor = T0.AddTicks(7) }, [Message(Tokyo, "schedule", T0)], Ct);
        var round = Open(Round(Tokyo, T0, ["u1", "u2"], ["u3"]));
        await store.SaveRoundAsync(round, new([], null), [Message(Tokyo, "round", T0.AddTicks(1))], Ct);
        await store.RecordAnswerAsync(
            Tokyo, Answer(round, 0, "u1", MeetingOutcome.Met, T0.AddDays(2)), MeetingOutcome.Met, 0,
            [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0.AddDays(2))], Ct);
        await store.AddBlockAsync(Tokyo, new Block(Id("u2"), Id("u3")), Ct);
        await store.SavePairWishesAsync(Tokyo, Id("u1"), [Id("u3")], T0.AddHours(1), Ct);
        var interest = Interest(Tokyo, "Rust");
        await store.CreateInterestAsync(interest, [], Ct);
        await store.AddInterestMemberAsync(Tokyo, interest.Id, Id("u1"), Ct);
        var ev = new Event(Tokyo, new EventId("ev1"), "Rust もくもく会", null, T0.AddDays(10), TimeSpan.FromMinutes(90), "Asia/Tokyo", null, 1, Cancelled: false)
        {
            CreatedAt = T0,
        };
        await store.SaveEventAsync(ev, [], _ => [], Ct);
        await store.RespondAsync(Tokyo, ev.Id, Id("u1"), RsvpStatus.Going, T0.AddMinutes(1), _ => [], Ct);
        await store.RespondAsync(Tokyo, ev.Id, Id("u2"), RsvpStatus.Going, T0.AddMinutes(2), _ => [], Ct);
        await store.WishConnectionAsync(Tokyo, ev.Id, Id("u1"), Id("u3"), T0.AddDays(11), Ct);
        await store.EnqueueAsync([Message(Osaka, "hello", T0)], Ct);
    }

    private async Task<IStoreUnderTest> StoreAsync(StoreProvider provider)
    {
        var store = await provider.CreateAsync(Ct);
        stores.Add(store);
        return store;
    }
}
