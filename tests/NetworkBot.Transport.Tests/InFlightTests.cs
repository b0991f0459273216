namespace NetworkBot.Transport.Tests;

public sealed class InFlightTests
{
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Work_that_waits_does_not_hold_back_the_next_and_a_stop_waits_for_what_still_runs()
    {
        var inFlight = new InFlight();
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fastRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        inFlight.Start(() => slow.Task);
        inFlight.Start(() =>
        {
            fastRan.SetResult();
            return Task.CompletedTask;
        });

        await fastRan.Task.WaitAsync(guard.Token);
        var stopped = inFlight.WhenAllAsync();
        Assert.False(stopped.IsCompleted);
        slow.SetResult();
        await stopped.WaitAsync(guard.Token);
    }

    [Fact]
    public async Task Work_that_ended_is_forgotten()
    {
        var inFlight = new InFlight();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        inFlight.Start(() => done.Task);
        Assert.Equal(1, inFlight.Count);
        done.SetResult();
        await inFlight.WhenAllAsync().WaitAsync(guard.Token);

        // The entry goes when its task's continuation has run, right after the task itself ends; were it kept, the
        // guard would end the wait and fail the test.
        while (inFlight.Count > 0)
        {
            await Task.Yield();
            guard.Token.ThrowIfCancellationRequested();
        }
    }
}
