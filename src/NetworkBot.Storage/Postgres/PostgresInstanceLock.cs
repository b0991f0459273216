using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// One <c>networkbot run</c> per PostgreSQL database until several instances can share it (outbox claiming and the
/// per-community scheduler lock, later items of issue 14; without them a second instance could deliver a message
/// twice). A session advisory lock held on a connection of its own, outside the pool, for as long as the process runs:
/// the server releases it when that session ends, however the process ends.
/// </summary>
public static class PostgresInstanceLock
{
    /// <summary>The advisory lock key of a running instance ("NBRunner" in ASCII).</summary>
    internal const long RunLockKey = 0x4E42_5275_6E6E_6572;

    /// <summary>The held lock (dispose to release it), or null when another instance holds it.</summary>
    public static async Task<IDisposable?> TryAcquireAsync(string connectionString, CancellationToken ct)
    {
        // Not pooled: closing must end the session, or a pooled connection would keep the lock after dispose.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        var connection = await PostgresMigrator.OpenAsync(dataSource, ct).ConfigureAwait(false);
        try
        {
            var locked = await connection.QueryAsync(
                "SELECT pg_try_advisory_lock(@key)", null, [("key", RunLockKey)], r => r.GetBoolean(0), ct).ConfigureAwait(false);
            if (locked[0])
            {
                return connection;
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }
}
