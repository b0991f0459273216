using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Storage.Tests;

/// <summary>Gives each test its own database file, migrated to the latest schema, and a store over it.</summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    internal static readonly CancellationToken Ct = CancellationToken.None;

    internal StoreTestBase()
    {
        Database = new TempDatabase();
        Store = Database.Store();
    }

    internal TempDatabase Database { get; }

    internal SqliteStore Store { get; }

    public async Task InitializeAsync() => await Database.Migrator().MigrateAsync(Ct);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
