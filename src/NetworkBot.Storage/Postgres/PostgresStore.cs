using System.Data;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;
using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// <see cref="IStore"/> over PostgreSQL, for several instances sharing one database: <see cref="RelationalStore"/>'s
/// statements with the <see cref="PostgresDialect"/>, behaving as <see cref="Sqlite.SqliteStore"/> does under the
/// conformance suite. Where SQLite relies on its single writer, a write here locks the rows it reads before writing
/// (<c>SELECT … FOR UPDATE</c>) or makes its change conditional, since READ COMMITTED alone would let two instances
/// interleave. Connections come from the one pooled <see cref="NpgsqlDataSource"/>; the schema is created by
/// <see cref="PostgresMigrator"/> and assumed current. Inside a scheduler step (<see cref="PostgresStepLock"/>) every
/// call joins the step's transaction (<see cref="PostgresStepTransaction"/>), a write of its own becoming a savepoint.
/// </summary>
public sealed class PostgresStore(NpgsqlDataSource dataSource) : RelationalStore(PostgresDialect.Instance)
{
    /// <summary>The advisory lock key that serialises outbox claims across instances ("NBClaims" in ASCII).</summary>
    private const long ClaimLockKey = 0x4E42_436C_6169_6D73;

    /// <summary>The step's connection and transaction inside a scheduler step, else a pooled connection, returned to the pool with the session.</summary>
    private protected override async ValueTask<StoreSession> OpenAsync(CancellationToken ct) =>
        PostgresStepTransaction.Current is { } step
            ? step.Join(Dialect)
            : StoreSession.Of(await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false), Dialect);

    /// <summary>
    /// Inside a scheduler step, a savepoint of the step's transaction, so the write still succeeds or fails as a whole.
    /// Else a transaction of its own: a write runs at the default READ COMMITTED and locks what it depends on; a snapshot
    /// is REPEATABLE READ, one snapshot for every table while other instances write.
    /// </summary>
    private protected override async ValueTask<StoreSession> BeginAsync(TransactionKind kind, CancellationToken ct)
    {
        if (PostgresStepTransaction.Current is { } step)
        {
            return await step.BeginSavepointAsync(Dialect, ct).ConfigureAwait(false);
        }

        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = kind == TransactionKind.Snapshot
                ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false)
                : await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            return StoreSession.Of(connection, transaction, Dialect);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Claims run one at a time across instances (a transaction-scoped advisory lock), so each sees the claims committed
    /// before it and no community gets a second owner; the claimed rows are also locked <c>FOR UPDATE SKIP LOCKED</c>, so a
    /// row another transaction is recording an outcome for is left to the next claim.
    /// </summary>
    private protected override Task ClaimAsync(DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct) =>
        InTransactionAsync(
            async transaction =>
            {
                await transaction.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", [("key", ClaimLockKey)], ct).ConfigureAwait(false);
                await transaction.ExecuteAsync(
                    $"""
                    UPDATE outbox SET claimed_by = @owner, claimed_until = @lease
                    WHERE id IN (
                        SELECT o.id FROM outbox AS o JOIN ({ClaimableIds}) AS chosen ON chosen.id = o.id
                        FOR UPDATE OF o SKIP LOCKED)
                    """,
                    [("now", now), ("max", max), ("owner", owner), ("lease", leaseUntil)],
                    ct).ConfigureAwait(false);
            },
            ct);
}
