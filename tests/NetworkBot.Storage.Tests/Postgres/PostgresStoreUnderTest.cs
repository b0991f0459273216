using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Postgres;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Tests.Privacy;
using Npgsql;

namespace NetworkBot.Storage.Tests.Postgres;

/// <summary>A PostgreSQL store over its own database, with the conformance hooks answered in SQL.</summary>
internal sealed class PostgresStoreUnderTest(NpgsqlDataSource dataSource) : IStoreUnderTest
{
    private readonly List<NpgsqlDataSource> opened = [];

    public IStore Store { get; } = new PostgresStore(dataSource);

    /// <summary>A second store with a pool of its own, as another instance would open it.</summary>
    public IStore OpenAgain()
    {
        var again = NpgsqlDataSource.Create(dataSource.ConnectionString);
        opened.Add(again);
        return new PostgresStore(again);
    }

    /// <summary>A trigger refuses the insert as a broken CHECK would (SQLSTATE 23514), the integrity violation SQLite's RAISE(ABORT) stands for.</summary>
    public Task FailInsertsIntoAsync(StoreTable table) =>
        ExecuteAsync($"""
            CREATE OR REPLACE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure' USING ERRCODE = 'check_violation'; END $$;
            CREATE TRIGGER fail_{table.SqlName()} BEFORE INSERT ON {table.SqlName()} FOR EACH ROW EXECUTE FUNCTION fail_insert();
            """);

    public async Task<long> CountRowsAsync(StoreTable table)
    {
        await using var command = dataSource.CreateCommand($"SELECT COUNT(*) FROM {table.SqlName()}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<StoredOutboxRow> ReadOutboxRowAsync(CommunityId community, string key)
    {
        await using var command = OutboxRowCommand("SELECT attempts, last_error, message_ref FROM outbox", community, key);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No outbox row {community.Value}/{key}");
        return new StoredOutboxRow(
            reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>Cuts the reply's JSON short, as a torn write would leave it (the column is text for this reason).</summary>
    public async Task MakeOutboxReplyUnreadableAsync(CommunityId community, string key)
    {
        await using var command = OutboxRowCommand("UPDATE outbox SET reply = '{\"text\": '", community, key);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Class 23 of SQLSTATE: integrity constraint violations (unique, foreign key, check, not null).</summary>
    public Task<StoreScanResult> ScanAsync(IReadOnlyList<string> needles) =>
        StoreScan.PostgresAsync(dataSource.ConnectionString, needles, CancellationToken.None);

    public bool IsIntegrityViolation(Exception exception) =>
        exception is PostgresException { SqlState: var state } && state.StartsWith("23", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var again in opened)
        {
            await again.DisposeAsync();
        }

        await dataSource.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand OutboxRowCommand(string sql, CommunityId community, string key)
    {
        var command = dataSource.CreateCommand($"{sql} WHERE community_id = @community AND key = @key");
        command.Parameters.AddWithValue("community", community.Value);
        command.Parameters.AddWithValue("key", key);
        return command;
    }
}
