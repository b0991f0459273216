using NetworkBot.Tests.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace NetworkBot.Storage.Tests;

/// <summary>
/// The server the PostgreSQL provider will run on behaves as its documentation says where the design relies on
/// it: committed rows are shared, <c>FOR UPDATE SKIP LOCKED</c> hands a claimed outbox row to one instance only,
/// and <c>pg_try_advisory_xact_lock</c> lets one instance at a time run a community's scheduler step.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await postgres.DatabaseForAsync(GetType());
        output.WriteLine($"{postgres.Description}; database {database.Name}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [PostgresFact]
    public async Task A_row_committed_on_one_connection_is_read_on_another()
    {
        await using var writer = await OpenAsync();
        await using var reader = await OpenAsync();
        await ExecuteAsync(writer, "CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)");

        await using (var transaction = await writer.BeginTransactionAsync(Ct))
        {
            await ExecuteAsync(writer, "INSERT INTO notes VALUES (1, 'hello')", transaction);
            Assert.Equal(0L, await ScalarAsync<long>(reader, "SELECT count(*) FROM notes"));
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal("hello", await ScalarAsync<string>(reader, "SELECT body FROM notes WHERE id = 1"));
    }

    [PostgresFact]
    public async Task A_second_transaction_skips_the_row_the_first_has_locked_and_takes_the_next()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await ExecuteAsync(first, "CREATE TABLE outbox (id int PRIMARY KEY); INSERT INTO outbox VALUES (1), (2)");
        const string claim = "SELECT id FROM outbox ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";

        await using var firstTransaction = await first.BeginTransactionAsync(Ct);
        await using var secondTransaction = await second.BeginTransactionAsync(Ct);

        Assert.Equal(1, await ScalarAsync<int>(first, claim, firstTransaction));
        Assert.Equal(2, await ScalarAsync<int>(second, claim, secondTransaction));
        Assert.Null(await ScalarAsync<object>(second, "SELECT id FROM outbox WHERE id = 1 FOR UPDATE SKIP LOCKED", secondTransaction));

        await firstTransaction.RollbackAsync(Ct);
        Assert.Equal(1, await ScalarAsync<int>(second, "SELECT id FROM outbox WHERE id = 1 FOR UPDATE SKIP LOCKED", secondTransaction));
    }

    [PostgresFact]
    public async Task An_advisory_transaction_lock_is_refused_to_a_second_transaction_until_the_first_ends()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        const string tryLock = "SELECT pg_try_advisory_xact_lock(42)";

        await using var firstTransaction = await first.BeginTransactionAsync(Ct);
        await using var secondTransaction = await second.BeginTransactionAsync(Ct);

        Assert.True(await ScalarAsync<bool>(first, tryLock, firstTransaction));
        Assert.False(await ScalarAsync<bool>(second, tryLock, secondTransaction));
        Assert.True(await ScalarAsync<bool>(second, "SELECT pg_try_advisory_xact_lock(43)", secondTransaction));

        await firstTransaction.CommitAsync(Ct);
        Assert.True(await ScalarAsync<bool>(second, tryLock, secondTransaction));
    }

    [PostgresFact]
    public async Task Every_new_database_starts_empty()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE only_here (id int)");

        var other = await postgres.CreateDatabaseAsync(Ct);
        await using var otherConnection = new NpgsqlConnection(other.ConnectionString);
        await otherConnection.OpenAsync(Ct);

        Assert.NotEqual(database.Name, other.Name);
        Assert.Equal(0L, await ScalarAsync<long>(otherConnection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync(Ct) is T value ? value : default;
    }
}
