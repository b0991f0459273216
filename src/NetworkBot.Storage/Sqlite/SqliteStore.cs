using Microsoft.Extensions.Options;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// <see cref="IStore"/> over an embedded SQLite file: <see cref="RelationalStore"/>'s statements with the
/// <see cref="SqliteDialect"/>. The schema is created by <see cref="SqliteMigrator"/>; the store assumes it is current.
/// One process uses a file (<see cref="DatabaseLock"/>), and a write transaction holds the whole file, so SQLite needs
/// no row locks.
/// </summary>
public sealed class SqliteStore(IOptions<StorageOptions> options) : RelationalStore(SqliteDialect.Instance)
{
    private readonly SqliteConnectionFactory connections = new(options.Value.ConnectionString);
    private int deadClaimsEnded;

    /// <summary>A new connection from the <see cref="SqliteConnectionFactory"/>, closed with the session.</summary>
    private protected override async ValueTask<StoreSession> OpenAsync(CancellationToken ct) =>
        StoreSession.Of(await connections.OpenAsync(ct).ConfigureAwait(false), Dialect);

    /// <summary>
    /// A write begins <c>IMMEDIATE</c> (the driver's default), taking the file's write lock at once, so what it reads
    /// cannot change before it writes; a snapshot is a deferred transaction, which reads one snapshot of the file.
    /// </summary>
    private protected override async ValueTask<StoreSession> BeginAsync(TransactionKind kind, CancellationToken ct)
    {
        var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        try
        {
            var transaction = kind == TransactionKind.Snapshot
                ? connection.BeginTransaction(deferred: true)
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
    /// One process uses a file, so the claim is one <c>UPDATE</c>. For the same reason a claim this process did not make
    /// is a dead process's: the first claim of a store ends them all, so a restart after a kill sends at once instead of
    /// waiting out their lease.
    /// </summary>
    private protected override async Task ClaimAsync(DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref deadClaimsEnded, 1) == 0)
        {
            await ExecuteAsync("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL", [], ct).ConfigureAwait(false);
        }

        await ExecuteAsync(
            $"UPDATE outbox SET claimed_by = @owner, claimed_until = @lease WHERE id IN ({ClaimableIds})",
            [("now", now), ("max", max), ("owner", owner), ("lease", leaseUntil)],
            ct).ConfigureAwait(false);
    }
}
