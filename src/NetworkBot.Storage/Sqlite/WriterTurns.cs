namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// One writer at a time, as SQLite allows, handed on without a thread waiting: a writer answering a member
/// (<see cref="Core.Storage.AnsweringWrites"/>) goes before background writers that came earlier, and writers of the same
/// kind go in the order they came. A wait cancelled before its turn gives up its place.
/// </summary>
internal sealed class WriterTurns
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> answering = new();
    private readonly Queue<TaskCompletionSource> background = new();
    private bool taken;

    /// <summary>Completes when it is this writer's turn, which it must give back with <see cref="Release"/>.</summary>
    public Task WaitAsync(bool answeringMember, CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (gate)
        {
            if (!taken)
            {
                taken = true;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (answeringMember ? answering : background).Enqueue(waiter);
        }

        return WaitAsync(waiter, ct);
    }

    /// <summary>Hands the turn to the next writer waiting (answering ones first), or frees it.</summary>
    public void Release()
    {
        lock (gate)
        {
            while (answering.TryDequeue(out var next) || background.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            taken = false;
        }
    }

    private static async Task WaitAsync(TaskCompletionSource waiter, CancellationToken ct)
    {
        // A cancelled waiter stays queued, completed; Release passes over it.
        await using var cancelled = ct.Register(static w => ((TaskCompletionSource)w!).TrySetCanceled(), waiter).ConfigureAwait(false);
        await waiter.Task.ConfigureAwait(false);
    }
}
