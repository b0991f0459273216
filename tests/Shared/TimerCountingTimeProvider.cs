using Microsoft.Extensions.Time.Testing;

namespace NetworkBot.Tests;

/// <summary>
/// The served <see cref="FakeTimeProvider"/> (timers fire only when a test advances it, so rate-limit waits are
/// tested without sleeping) that also counts the timers it creates: <see cref="WaitForTimersAsync"/> lets a test
/// know the code under test is waiting, which the served clock does not tell.
/// </summary>
public sealed class TimerCountingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero))
{
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private int created;

    /// <summary>How many timers have been created so far.</summary>
    public int TimersCreated
    {
        get
        {
            lock (gate)
            {
                return created;
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> timers have been created in total.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (gate)
        {
            if (created >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>
    /// Moves the clock on by <paramref name="step"/>, again each time the code under test starts another timer (a
    /// retry's wait), until <paramref name="done"/> completes: waits are skipped as they come, however many there are.
    /// </summary>
    public async Task AdvanceUntilAsync(Task done, TimeSpan step)
    {
        while (!done.IsCompleted)
        {
            var seen = TimersCreated;
            Advance(step);
            await Task.WhenAny(WaitForTimersAsync(seen + 1), done);
        }

        await done;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource> ready;
        lock (gate)
        {
            created++;
            ready = waiters.Where(w => w.Count <= created).Select(w => w.Signal).ToList();
            waiters.RemoveAll(w => w.Count <= created);
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }

        return timer;
    }
}
