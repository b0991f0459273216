namespace NetworkBot.Discord.Tests.Rest;

/// <summary>
/// A clock with timers that fire only when a test calls <see cref="Advance"/>, so rate-limit waits are
/// tested without sleeping. <see cref="WaitForTimersAsync"/> lets a test know the code under test is waiting.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<FakeTimer> timers = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private DateTimeOffset now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private int created;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

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

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (gate)
        {
            now += by;
            due = timers.Where(t => t.DueAt <= now).ToList();
            foreach (var timer in due)
            {
                timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
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

    private sealed class FakeTimer(FakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Only one-shot timers are needed (Task.Delay); periods are ignored.
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = clock.now + dueTime;
                clock.timers.Add(this);
            }

            if (dueTime <= TimeSpan.Zero)
            {
                clock.Advance(TimeSpan.Zero);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
