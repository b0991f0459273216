using System.Data.Common;

namespace NetworkBot.Storage.Relational;

/// <summary>
/// A connection the store runs its statements on, and the transaction they join when there is one. The provider hands
/// one out (<see cref="RelationalStore"/>'s <c>OpenAsync</c> and <c>BeginAsync</c>), so the shared code never opens or
/// begins anything itself, commits only through the session, and a provider may lend a connection and transaction it
/// already holds (a savepoint for a commit).
/// </summary>
internal sealed class StoreSession(
    DbConnection connection,
    DbTransaction? transaction,
    RelationalDialect dialect,
    Func<CancellationToken, Task>? commit,
    Func<ValueTask> end,
    bool joined = false)
    : IAsyncDisposable
{
    /// <summary>A session owning <paramref name="connection"/>, without a transaction: disposing it closes the connection.</summary>
    public static StoreSession Of(DbConnection connection, RelationalDialect dialect) =>
        new(connection, null, dialect, null, connection.DisposeAsync);

    /// <summary>
    /// A session owning <paramref name="connection"/> and its <paramref name="transaction"/>: disposing it rolls back what
    /// was not committed and closes the connection.
    /// </summary>
    public static StoreSession Of(DbConnection connection, DbTransaction transaction, RelationalDialect dialect) =>
        new(
            connection,
            transaction,
            dialect,
            transaction.CommitAsync,
            async () =>
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
            });

    /// <summary>
    /// This session, but ending it also calls <paramref name="release"/> (after the connection is closed): how a provider
    /// that lets one writer in at a time hands the turn to the next writer only once this one is done.
    /// </summary>
    public StoreSession ThenRelease(Action release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return new(
            connection,
            transaction,
            dialect,
            commit,
            async () =>
            {
                try
                {
                    await end().ConfigureAwait(false);
                }
                finally
                {
                    release();
                }
            },
            joined);
    }

    /// <summary>
    /// Whether the session runs in a transaction someone else owns (a PostgreSQL scheduler step's): a conflict there is
    /// that owner's to decide again, not the store's to retry.
    /// </summary>
    public bool Joined => joined;

    /// <summary>Commits the transaction the session was begun with; a session without one is a bug in the caller.</summary>
    public Task CommitAsync(CancellationToken ct) =>
        commit is null ? throw new InvalidOperationException("This session has no transaction of its own to commit.") : commit(ct);

    /// <summary>Ends the session: what was not committed is rolled back, and a connection the session owns is closed.</summary>
    public ValueTask DisposeAsync() => end();

    /// <summary>Runs <paramref name="sql"/> and returns the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct) =>
        connection.ExecuteAsync(dialect, sql, transaction, parameters, ct);

    public Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<StoredRow, T> map, CancellationToken ct) =>
        connection.QueryAsync(dialect, sql, transaction, parameters, map, ct);
}
