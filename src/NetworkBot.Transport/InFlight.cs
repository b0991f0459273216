using System.Collections.Concurrent;

namespace NetworkBot.Transport;

/// <summary>
/// Work that each arriving message starts on a task of its own, so nothing waits behind it; each task is forgotten
/// when it ends, and a stop waits for the ones still running. The work must not throw: it reports its own failures.
/// </summary>
public sealed class InFlight
{
    private readonly ConcurrentDictionary<long, Task> running = new();
    private long started;

    /// <summary>How many are running now.</summary>
    public int Count => running.Count;

    public void Start(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var key = Interlocked.Increment(ref started);
        var task = Task.Run(work, CancellationToken.None);
        running[key] = task;
        _ = task.ContinueWith(_ => running.TryRemove(key, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when everything started so far has ended.</summary>
    public Task WhenAllAsync() => Task.WhenAll(running.Values);
}
