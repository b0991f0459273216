using NetworkBot.Storage.Tests.Conformance;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary>The conformance suite's SQLite: a real database file in a temp folder, migrated by the real migrator.</summary>
public sealed class SqliteProvider : StoreProvider
{
    public override async Task<IStoreUnderTest> CreateAsync(CancellationToken ct)
    {
        var database = new TempDatabase();
        await database.Migrator().MigrateAsync(ct);
        return new SqliteStoreUnderTest(database);
    }
}
