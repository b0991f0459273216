using Microsoft.Data.Sqlite;
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
/// <remarks>
/// Writers take turns here (<see cref="WriterTurns"/>) before they ask SQLite for its write lock: a writer that found the
/// lock taken would otherwise wait inside SQLite's busy handler, which sleeps the thread (up to 100 ms between
/// looks, so it starts late after the lock is free) and, with many writers waiting at once (a round's deliveries, members'
/// commands), holds threads the thread pool then lacks for everything else, answers included. Waiting for the turn
/// holds no thread, writers go in the order they came, and a write answering a member goes before background writes
/// that were waiting, so a member's command never queues behind a round's delivery bookkeeping. The busy timeout stays for writers outside
/// this store (a backup).
/// </remarks>
public sealed class SqliteStore(IOptions<StorageOptions> options) : RelationalStore(SqliteDialect.Instance)
{
    private readonly SqliteConnectionFactory connections = new(options.Value.ConnectionString);
    private readonly WriterTurns writerTurns = new();
    private int deadClaimsEnded;

    /// <summary>A new connection from the <see cref="SqliteConnectionFactory"/>, closed with the session.</summary>
    private protected override async ValueTask<StoreSession> OpenAsync(CancellationToken ct) =>
        StoreSession.Of(await connections.OpenAsync(ct).ConfigureAwait(false), Dialect);

    /// <summary>A statement that writes waits for the writers' turn, which its session gives back when it ends.</summary>
    private protected override async ValueTask<StoreSession> OpenForWriteAsync(CancellationToken ct)
    {
        await writerTurns.WaitAsync(AnsweringWrites.Now, ct).ConfigureAwait(false);
        try
        {
            return (await OpenAsync(ct).ConfigureAwait(false)).ThenRelease(writerTurns.Release);
        }
        catch
        {
            writerTurns.Release();
            throw;
        }
    }

    /// <summary>
    /// A write waits for the writers' turn, then begins <c>IMMEDIATE</c> (the driver's default), taking the file's write
    /// lock at once, so what it reads cannot change before it writes; a snapshot is a deferred transaction, which reads one
    /// snapshot of the file and takes no turn.
    /// </summary>
    private protected override async ValueTask<StoreSession> BeginAsync(TransactionKind kind, CancellationToken ct)
    {
        var writes = kind != TransactionKind.Snapshot;
        if (writes)
        {
            await writerTurns.WaitAsync(AnsweringWrites.Now, ct).ConfigureAwait(false);
        }

        SqliteConnection? connection = null;
        try
        {
            connection = await connections.OpenAsync(ct).ConfigureAwait(false);
            var transaction = writes
                ? await connection.BeginTransactionAsync(ct).ConfigureAwait(false)
                : connection.BeginTransaction(deferred: true);
            var session = StoreSession.Of(connection, transaction, Dialect);
            return writes ? session.ThenRelease(writerTurns.Release) : session;
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (writes)
            {
                writerTurns.Release();
            }

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
