using NetworkBot.Storage.Tests.LiteDb;
using NetworkBot.Tests.Privacy;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Privacy;

/// <summary>The whole-store search the journeys run on a store's file after its host let go of it, by provider name.</summary>
public sealed class StoreScanTests
{
    [Fact]
    public async Task A_released_LiteDB_file_is_searched_in_every_collection()
    {
        using var file = new TempLiteDbFile();
        await file.Migrator().MigrateAsync(CancellationToken.None);
        using (var store = file.Store())
        {
            await store.SaveMemberAsync(Member(Tokyo, "u1", "Ichiro \"I\" Sato"), CancellationToken.None);
            await store.SaveMemberAsync(Member(Tokyo, "u2", "Jiro"), CancellationToken.None);
        }

        var found = await StoreScan.ScanAsync("litedb", file.FilePath, ["Ichiro \"I\" Sato"], CancellationToken.None);

        Assert.Contains("group_members", found.Tables);
        Assert.Equal(["members"], found.Hits.Keys);
        Assert.Contains("Ichiro", Assert.Single(found.Rows), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SQLite_file_is_searched_in_every_table_of_its_catalogue()
    {
        await using var database = new Sqlite.TempDatabase();
        await database.Migrator().MigrateAsync(CancellationToken.None);
        await database.Store().SaveMemberAsync(Member(Tokyo, "u1", "Ichiro"), CancellationToken.None);

        var found = await StoreScan.ScanAsync("sqlite", database.FilePath, ["u1"], CancellationToken.None);

        Assert.Contains("schema_migrations", found.Tables);
        Assert.Equal(["members"], found.Hits.Keys);
        Assert.Empty((await StoreScan.ScanAsync("sqlite", database.FilePath, ["u3"], CancellationToken.None)).Rows);
    }
}
