using Microsoft.Data.Sqlite;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Tests.Privacy;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary>A SQLite store over its own file, with the conformance hooks answered in SQL.</summary>
internal sealed class SqliteStoreUnderTest(TempDatabase database) : IStoreUnderTest
{
    public TempDatabase Database => database;

    public IStore Store { get; } = database.Store();

    public IStore OpenAgain() => database.Store();

    public Task FailInsertsIntoAsync(StoreTable table) => database.FailInsertsIntoAsync(table.SqlName());

    public Task<long> CountRowsAsync(StoreTable table) => database.CountAsync(table.SqlName());

    public async Task<StoredOutboxRow> ReadOutboxRowAsync(CommunityId community, string key)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = OutboxRowCommand(connection, "SELECT attempts, last_error, message_ref FROM outbox", community, key);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No outbox row {community.Value}/{key}");
        return new StoredOutboxRow(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>Cuts the reply's JSON short, as a torn write would leave it.</summary>
    public async Task MakeOutboxReplyUnreadableAsync(CommunityId community, string key)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = OutboxRowCommand(connection, "UPDATE outbox SET reply = '{\"text\": '", community, key);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public Task<StoreScanResult> ScanAsync(IReadOnlyList<string> needles) => StoreScan.SqliteAsync(database.FilePath, needles, CancellationToken.None);

    public bool IsIntegrityViolation(Exception exception) => exception is SqliteException;

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static SqliteCommand OutboxRowCommand(SqliteConnection connection, string sql, CommunityId community, string key)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"{sql} WHERE community_id = $community AND key = $key";
        command.Parameters.AddWithValue("$community", community.Value);
        command.Parameters.AddWithValue("$key", key);
        return command;
    }
}
