using NetworkBot.Storage.Tests.Sqlite;
using NetworkBot.Tests.Postgres;
using static NetworkBot.Storage.Tests.ExportStores;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary>
/// Export and import between SQLite and PostgreSQL: a community written through SQLite's store, imported into
/// PostgreSQL and exported again (and back) gives the very same document, so data moves between providers unchanged.
/// </summary>
public sealed class PostgresExportTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly ExportStores stores = new();

    public ValueTask DisposeAsync() => stores.DisposeAsync();

    [PostgresFact]
    public async Task A_community_moved_from_SQLite_to_PostgreSQL_and_back_exports_the_same_document()
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillEveryTableAsync(sqlite.Store);

        var (original, fromPostgres, back) = await stores.RoundTripAsync(sqlite, new PostgresProvider(), new SqliteProvider());

        Assert.Equal(original, fromPostgres);
        Assert.Equal(original, back);
        Assert.Contains("\"members\"", original);
        Assert.Contains("フィンテック", original);
    }

    [PostgresFact]
    public async Task Imported_members_are_found_by_name_ignoring_case()
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillEveryTableAsync(sqlite.Store);
        var postgres = await stores.CreateAsync(new PostgresProvider());

        Assert.Null(await ExportStore(postgres).ImportCommunitiesAsync(await CommunitiesAsync(sqlite), Ct));

        Assert.Equal([Id("u1")], (await postgres.Store.FindMembersByNameAsync(Tokyo, "ÉLODIE", Ct)).Select(m => m.Id));
    }

    [PostgresFact]
    public async Task Importing_a_community_that_has_data_is_refused_and_writes_nothing()
    {
        var sqlite = await stores.CreateAsync(new SqliteProvider());
        await FillEveryTableAsync(sqlite.Store);
        var postgres = await stores.CreateAsync(new PostgresProvider());
        await postgres.Store.SaveMemberAsync(Member(Tokyo, "someone"), Ct);

        var refusal = await ExportStore(postgres).ImportCommunitiesAsync(await CommunitiesAsync(sqlite), Ct);

        Assert.NotNull(refusal);
        Assert.Equal(Tokyo, refusal.Community);
        Assert.Equal([Id("someone")], (await postgres.Store.ListMembersAsync(Tokyo, Ct)).Select(m => m.Id));
    }
}
