using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// The transaction of the scheduler step running on this async flow (<see cref="PostgresStepLock"/>), which every
/// <see cref="PostgresStore"/> call of the step joins: the step's reads, decision and writes commit together while its
/// community's lock is held, and end with it. A write that would have had a transaction of its own gets a savepoint
/// instead, so it still succeeds or fails as a whole, as it does outside a step.
/// </summary>
internal sealed class PostgresStepTransaction
{
    private static readonly AsyncLocal<PostgresStepTransaction?> Ambient = new();

    private int savepoints;

    private PostgresStepTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    /// <summary>The step transaction this flow runs in, or null outside a step.</summary>
    public static PostgresStepTransaction? Current => Ambient.Value;

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>Makes <paramref name="transaction"/> the one this flow's store calls join until disposed.</summary>
    public static IDisposable Enter(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (Ambient.Value is not null)
        {
            throw new InvalidOperationException("A scheduler step is already running on this flow; steps do not nest.");
        }

        Ambient.Value = new PostgresStepTransaction(connection, transaction);
        return new Leave();
    }

    /// <summary>Runs <paramref name="work"/> inside a savepoint: anything it throws undoes its writes only, then goes on up.</summary>
    public async Task InSavepointAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken ct)
    {
        var savepoint = $"nb_write_{++savepoints}";
        await Transaction.SaveAsync(savepoint, ct).ConfigureAwait(false);
        try
        {
            await work(Connection, Transaction).ConfigureAwait(false);
        }
        catch
        {
            await Transaction.RollbackAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await Transaction.ReleaseAsync(savepoint, ct).ConfigureAwait(false);
    }

    private sealed class Leave : IDisposable
    {
        public void Dispose() => Ambient.Value = null;
    }
}
