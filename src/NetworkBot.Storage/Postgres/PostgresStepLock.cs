using NetworkBot.Core.Domain;
using NetworkBot.Core.Scheduling;
using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// Instances sharing a PostgreSQL database take each community's scheduler step one at a time: the step runs in one
/// transaction (<see cref="PostgresStepTransaction"/>) that first tries the community's transaction-scoped advisory
/// lock (<c>pg_try_advisory_xact_lock</c>). The server releases it when the transaction ends — committed, rolled back
/// or its connection lost with a killed instance — and it needs no session of its own, so it also works behind a
/// transaction-mode connection pooler.
/// </summary>
public sealed class PostgresStepLock(NpgsqlDataSource dataSource) : ICommunityStepLock
{
    /// <summary>
    /// The hash seed of step locks ("NBSteps" in ASCII), setting their keys apart from import's per-community lock
    /// (seed 0) on the same community id.
    /// </summary>
    internal const long StepLockSeed = 0x4E_4253_7465_7073;

    public async Task<int?> RunAsync(CommunityId community, Func<Task<int>> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var locked = await connection.QueryAsync(
            "SELECT pg_try_advisory_xact_lock(hashtextextended(@community, @seed))",
            transaction,
            [("community", community.Value), ("seed", StepLockSeed)],
            r => r.GetBoolean(0),
            ct).ConfigureAwait(false);
        if (!locked[0])
        {
            return null;
        }

        int steps;
        using (PostgresStepTransaction.Enter(connection, transaction))
        {
            steps = await step().ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return steps;
    }
}
