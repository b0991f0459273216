using System.Collections.Concurrent;
using LiteDB;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// The one thread that writes a LiteDB file. LiteDB binds a transaction to the OS thread that began it
/// (<c>BeginTrans</c>/<c>Commit</c>), so an <c>await</c> inside one can commit another task's writes or leave a
/// collection locked (LiteDB #2822). Here every write is a synchronous delegate run between <c>BeginTrans</c> and
/// <c>Commit</c> on this thread alone, one after another: nothing can await inside a transaction, no two transactions
/// interleave, and a write that reads what it changes sees no other writer. Maintenance (checkpoint, backup copy) runs
/// on the same thread, between transactions, so it never meets an open one; so do the reads. LiteDB 5's page cache races
/// when several threads read while one writes (LiteDB #2817, open on every version: reads fail, then the engine stays
/// broken until reopened), which the stress test in bench/LiteDbStress reproduces within minutes on 5.0.20 and 5.0.21
/// alike; with every read on this thread it never meets another. An engine failure comes out as a
/// <see cref="LiteDbFailureException"/>, which Core sees as the store failing.
/// </summary>
/// <remarks>
/// Writes commit in groups: the writes that queue up while one runs are run one after another in one transaction and
/// committed together, so a burst (RSVPs, a round's deliveries) pays LiteDB's commit and the flush of its log once per
/// group, not once per write. Each write still sees the ones before it and its caller hears only after the commit. When
/// one write of a group throws, the group is rolled back and each of its writes runs again in a transaction of its own,
/// so no write fails or is lost for another's sake (a write re-reads what it decides from, so running it again is safe).
/// </remarks>
/// <remarks>
/// The store never calls <c>Rebuild()</c> (nor opens with <c>AutoRebuild</c>): in LiteDB 5 a rebuild of a file that
/// other code still reads can lose documents (LiteDB #2525), and a checkpoint (<see cref="MaintainAsync{T}"/>) is all the
/// upkeep a file needs here.
/// </remarks>
internal sealed class LiteDbWriter : IDisposable
{
    /// <summary>At most this many writes share a commit, so one group's transaction stays small.</summary>
    private const int MaxGroup = 256;

    private readonly LiteDatabase database;
    private readonly BlockingCollection<IWork> queue = [];
    private readonly Thread thread;

    public LiteDbWriter(LiteDatabase database)
    {
        this.database = database;
        thread = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        thread.Start();
    }

    private interface IWork
    {
        /// <summary>Whether the work is a write, run in a transaction; maintenance runs alone, between transactions.</summary>
        bool IsWrite { get; }

        /// <summary>Ends the work as cancelled when its caller gave up before it ran; true when it did.</summary>
        bool CancelIfRequested();

        void Run(LiteDatabase db);

        /// <summary>Hands the caller what <see cref="Run"/> returned: after the commit, for a write.</summary>
        void Succeed();

        void Fail(Exception exception);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on the writer thread, possibly together with other writes queued
    /// beside it: its task completes once that transaction is committed, or with what <paramref name="work"/> threw,
    /// when nothing of it is kept.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work, CancellationToken ct) => Enqueue(work, isWrite: true, ct);

    /// <inheritdoc cref="WriteAsync{T}(Func{LiteDatabase, T}, CancellationToken)"/>
    public Task WriteAsync(Action<LiteDatabase> work, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                work(db);
                return true;
            },
            ct);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer thread outside any transaction, between write groups: a read (on the
    /// committed data), a checkpoint, a backup's copy.
    /// </summary>
    public Task<T> MaintainAsync<T>(Func<LiteDatabase, T> work, CancellationToken ct) => Enqueue(work, isWrite: false, ct);

    /// <summary>Folds the log into the data file, between transactions (<see cref="LiteDatabase.Checkpoint"/>).</summary>
    public Task CheckpointAsync(CancellationToken ct) =>
        MaintainAsync(
            db =>
            {
                db.Checkpoint();
                return true;
            },
            ct);

    /// <summary>Finishes the queued work, then ends the thread.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        if (Thread.CurrentThread != thread)
        {
            thread.Join();
        }

        queue.Dispose();
    }

    private Task<T> Enqueue<T>(Func<LiteDatabase, T> work, bool isWrite, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var item = new Work<T>(work, isWrite, ct);
        queue.Add(item);
        return item.Task;
    }

    private void Run()
    {
        IWork? carried = null;
        while ((carried ?? Next()) is { } first)
        {
            carried = null;
            if (!first.IsWrite)
            {
                RunAlone(first);
                continue;
            }

            var group = new List<IWork> { first };
            while (group.Count < MaxGroup && queue.TryTake(out var more))
            {
                if (!more.IsWrite)
                {
                    carried = more;
                    break;
                }

                group.Add(more);
            }

            Commit(group);
        }
    }

    /// <summary>The next queued work, waiting for it; null once the queue is closed and empty.</summary>
    private IWork? Next()
    {
        try
        {
            return queue.Take();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void Commit(List<IWork> group)
    {
        var live = group.Where(w => !w.CancelIfRequested()).ToList();
        if (live.Count > 1 && TryInOneTransaction(live))
        {
            return;
        }

        foreach (var work in live)
        {
            TryInOneTransaction([work]);
        }
    }

    /// <summary>
    /// Runs <paramref name="works"/> in one transaction and commits it. When one throws, all of it is rolled back: a lone
    /// work then fails with its exception, and a group returns false for its works to run again one by one.
    /// </summary>
    private bool TryInOneTransaction(List<IWork> works)
    {
        try
        {
            if (!database.BeginTrans())
            {
                throw new InvalidOperationException("The LiteDB writer thread already has a transaction open.");
            }

            foreach (var work in works)
            {
                work.Run(database);
            }

            database.Commit();
        }
        catch (Exception exception)
        {
            try
            {
                database.Rollback();
            }
            catch (Exception broken)
            {
                // The engine itself is broken (it cannot even undo): every work of the transaction fails with that,
                // which the store's callers see as the store failing, and none is run again on it.
                works.ForEach(w => w.Fail(broken));
                return true;
            }

            if (works.Count > 1)
            {
                return false;
            }

            works[0].Fail(exception);
            return true;
        }

        foreach (var work in works)
        {
            work.Succeed();
        }

        return true;
    }

    private void RunAlone(IWork work)
    {
        if (work.CancelIfRequested())
        {
            return;
        }

        try
        {
            work.Run(database);
        }
        catch (Exception exception)
        {
            work.Fail(exception);
            return;
        }

        work.Succeed();
    }

    /// <summary>One queued work and the task its caller awaits.</summary>
    private sealed class Work<T>(Func<LiteDatabase, T> work, bool isWrite, CancellationToken ct) : IWork
    {
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Task => done.Task;

        public bool IsWrite => isWrite;

        public bool CancelIfRequested() => ct.IsCancellationRequested && done.TrySetCanceled(ct);

        public void Run(LiteDatabase db) => result = work(db);

        public void Succeed() => done.TrySetResult(result!);

        public void Fail(Exception exception) => done.TrySetException(LiteDbFailureException.Of(exception));
    }
}
