using System.Collections.Concurrent;
using LiteDB;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// The one thread that writes a LiteDB file. LiteDB binds a transaction to the OS thread that began it
/// (<c>BeginTrans</c>/<c>Commit</c>), so an <c>await</c> inside one can commit another task's writes or leave a
/// collection locked (LiteDB #2822). Here every write is a synchronous delegate run between <c>BeginTrans</c> and
/// <c>Commit</c> on this thread alone, one after another: nothing can await inside a transaction, no two transactions
/// interleave, and a write that reads what it changes sees no other writer. Maintenance (checkpoint, backup copy) runs
/// on the same thread, between transactions, so it never meets an open one. An engine failure comes out as a
/// <see cref="LiteDbFailureException"/>, which Core sees as the store failing.
/// </summary>
/// <remarks>
/// The store never calls <c>Rebuild()</c> (nor opens with <c>AutoRebuild</c>): in LiteDB 5 a rebuild of a file that
/// other code still reads can lose documents (LiteDB #2525), and a checkpoint (<see cref="MaintainAsync{T}"/>) is all the
/// upkeep a file needs here.
/// </remarks>
internal sealed class LiteDbWriter : IDisposable
{
    private readonly LiteDatabase database;
    private readonly BlockingCollection<Action> queue = [];
    private readonly Thread thread;

    public LiteDbWriter(LiteDatabase database)
    {
        this.database = database;
        thread = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on the writer thread: committed when it returns, rolled back
    /// when it throws (the exception is the returned task's).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work, CancellationToken ct) =>
        Enqueue(
            db =>
            {
                if (!db.BeginTrans())
                {
                    throw new InvalidOperationException("The LiteDB writer thread already has a transaction open.");
                }

                try
                {
                    var result = work(db);
                    db.Commit();
                    return result;
                }
                catch
                {
                    db.Rollback();
                    throw;
                }
            },
            ct);

    /// <inheritdoc cref="WriteAsync{T}(Func{LiteDatabase, T}, CancellationToken)"/>
    public Task WriteAsync(Action<LiteDatabase> work, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                work(db);
                return true;
            },
            ct);

    /// <summary>Runs <paramref name="work"/> on the writer thread outside any transaction: a checkpoint, a backup's copy.</summary>
    public Task<T> MaintainAsync<T>(Func<LiteDatabase, T> work, CancellationToken ct) => Enqueue(work, ct);

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

    private Task<T> Enqueue<T>(Func<LiteDatabase, T> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add(() =>
        {
            if (ct.IsCancellationRequested)
            {
                done.TrySetCanceled(ct);
                return;
            }

            try
            {
                done.TrySetResult(work(database));
            }
            catch (Exception exception)
            {
                done.TrySetException(LiteDbFailureException.Of(exception));
            }
        });
        return done.Task;
    }

    private void Run()
    {
        foreach (var work in queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
