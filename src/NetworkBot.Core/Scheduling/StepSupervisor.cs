using System.Data.Common;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Scheduling;

/// <summary>
/// Runs each of the schedulers' steps apart from the others, so one community's unreadable row or failed call never
/// holds up another community or stops the bot. Each community's step runs under its <see cref="ICommunityStepLock"/>, so
/// instances sharing a store never take one community's step at once: the one that does not get the lock skips it
/// this tick. A step that throws is logged once (community, step and exception
/// type — never member text), then skipped for a back-off that doubles from <see cref="FirstBackoff"/> up to
/// <see cref="MaxBackoff"/>; it is logged again only when it fails differently or recovers. A write refused as stale
/// (<see cref="StaleWriteException"/>), or rolled back by the database to resolve a deadlock or a serialization
/// conflict with another instance's transaction, is not a failure: the step runs again at once, reading afresh, up to
/// <see cref="StaleAttempts"/> times. When every step tried for <see cref="StoreOutageLimit"/> failed because the store
/// could not be reached, the bot can do nothing useful: it logs one critical line and throws
/// <see cref="StoreUnavailableException"/>, which stops the host.
/// </summary>
public sealed class StepSupervisor(ICommunityStepLock stepLock, TimeProvider time, ILogger<StepSupervisor> logger)
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    public static readonly TimeSpan StoreOutageLimit = TimeSpan.FromMinutes(5);
    public const int StaleAttempts = 3;

    /// <summary>The subject of the step that reads every community's work at once (the work list).</summary>
    private const string AllCommunities = "all communities";
    private const int SqliteConstraint = 19;

    /// <summary>SQLSTATEs of a transaction the database rolled back for another's sake: serialization failure, deadlock.</summary>
    private static readonly string[] ConflictStates = ["40001", "40P01"];

    private readonly Lock gate = new();
    private readonly Dictionary<(string Subject, string Step), Failing> failing = [];
    private DateTimeOffset? storeFailingSince;

    /// <summary>
    /// Reads <paramref name="workList"/> (the communities with work) as one supervised step, then runs
    /// <paramref name="run"/>, the step named <paramref name="step"/>, for each of those communities apart; returns the
    /// sum of their results.
    /// </summary>
    public async Task<int> RunEachCommunityAsync(
        string step, Func<Task<IReadOnlyList<CommunityId>>> workList, Func<CommunityId, Task<int>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var steps = 0;
        foreach (var community in await RunAsync(AllCommunities, $"{step} work list", workList, ct).ConfigureAwait(false) ?? [])
        {
            steps += await RunAsync(community.Value, step, () => RunLockedAsync(community, step, run, ct), ct).ConfigureAwait(false);
        }

        return steps;
    }

    /// <summary>The community's step under its lock; 0 steps when another instance holds the lock and is taking it.</summary>
    private async Task<int> RunLockedAsync(CommunityId community, string step, Func<CommunityId, Task<int>> run, CancellationToken ct)
    {
        if (await stepLock.RunAsync(community, () => run(community), ct).ConfigureAwait(false) is { } steps)
        {
            return steps;
        }

        SchedulingLog.HeldElsewhere(logger, step, community.Value);
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="run"/>, the step named <paramref name="step"/> of <paramref name="subject"/> (a community, or
    /// the work list of all of them), unless it is backed off. <paramref name="run"/> reads what it decides from each time
    /// it is called, so running it again after a stale write decides on fresh data. Returns its result, or the default
    /// when it was skipped or failed.
    /// </summary>
    private async Task<T?> RunAsync<T>(string subject, string step, Func<Task<T>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var key = (subject, step);
        lock (gate)
        {
            if (failing.TryGetValue(key, out var backedOff) && time.GetUtcNow() < backedOff.RetryAt)
            {
                return default;
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await run().ConfigureAwait(false);
                Succeeded(key);
                return result;
            }
            catch (Exception exception) when (IsConflict(exception) && attempt < StaleAttempts)
            {
                SchedulingLog.Stale(logger, step, subject, attempt);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Failed(key, exception);
                return default;
            }
        }
    }

    private void Succeeded((string Subject, string Step) key)
    {
        lock (gate)
        {
            storeFailingSince = null;
            if (failing.Remove(key, out var was))
            {
                SchedulingLog.Recovered(logger, key.Step, key.Subject, was.Count);
            }
        }
    }

    private void Failed((string Subject, string Step) key, Exception exception)
    {
        var now = time.GetUtcNow();
        var kind = exception.GetType().Name;
        lock (gate)
        {
            var count = failing.TryGetValue(key, out var was) ? was.Count + 1 : 1;
            var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(count - 1, 16)));
            failing[key] = new Failing(kind, count, now + backoff);
            if (was?.Kind != kind)
            {
                SchedulingLog.Failed(logger, key.Step, key.Subject, kind, backoff);
            }

            if (!IsStoreFailure(exception))
            {
                storeFailingSince = null;
                return;
            }

            storeFailingSince ??= now;
            if (now - storeFailingSince >= StoreOutageLimit)
            {
                SchedulingLog.StoreUnavailable(logger, now - storeFailingSince.Value, kind);
                throw new StoreUnavailableException($"The store could not be reached for {(now - storeFailingSince.Value).TotalMinutes:0} minutes (last: {kind}).", exception);
            }
        }
    }

    /// <summary>
    /// The database or its file could not be used — not one row's trouble: a bad JSON value is the reader's failure and a
    /// key clash (SQLite's <c>SQLITE_CONSTRAINT</c>, 19; PostgreSQL's SQLSTATE class 23) the writer's, and the store answered both.
    /// </summary>
    private static bool IsStoreFailure(Exception exception) =>
        (exception is DbException database && !IsIntegrityViolation(database))
        || exception is IOException or UnauthorizedAccessException
        || (exception.InnerException is { } inner && IsStoreFailure(inner));

    /// <summary>The write lost to another one and is worth deciding again: stale, or rolled back by the database for another's sake.</summary>
    private static bool IsConflict(Exception exception) =>
        exception is StaleWriteException
        || (exception is DbException { SqlState: { } state } && ConflictStates.Contains(state))
        || (exception.InnerException is { } inner && IsConflict(inner));

    private static bool IsIntegrityViolation(DbException exception) =>
        exception.ErrorCode == SqliteConstraint || exception.SqlState?.StartsWith("23", StringComparison.Ordinal) == true;

    private sealed record Failing(string Kind, int Count, DateTimeOffset RetryAt);
}
