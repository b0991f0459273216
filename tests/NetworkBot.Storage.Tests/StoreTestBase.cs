using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
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

    /// <summary>Records an answer as the handler does: at the version the group is stored at now (0 for a group not there).</summary>
    internal async Task RecordAnswerAsync(CommunityId community, GroupAnswer answer, MeetingOutcome outcome, IReadOnlyList<Connection> connections)
    {
        var version = (await Store.FindGroupAsync(community, answer.Group, Ct))?.Groups.SingleOrDefault()?.Version ?? 0;
        await Store.RecordAnswerAsync(community, answer, outcome, version, connections, Ct);
    }
}
