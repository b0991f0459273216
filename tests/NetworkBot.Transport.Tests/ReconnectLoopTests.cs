using NetworkBot.Tests;

namespace NetworkBot.Transport.Tests;

public sealed class ReconnectLoopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TimerCountingTimeProvider clock = new();
    private readonly List<(TimeSpan Delay, int Failures)> waits = [];
    private readonly ReconnectLoop loop;

    public ReconnectLoopTests() => loop = new ReconnectLoop(clock, ReconnectLoop.Reconnects, FixedRandom.Top);

    private void Log(TimeSpan delay, int failures) => waits.Add((delay, failures));

    /// <summary>Waits after one more failure, moving the clock exactly as far as the wait asks for.</summary>
    private async Task FailAsync(TimeSpan? platformWait = null)
    {
        var timers = clock.TimersCreated;
        var waiting = loop.WaitAfterFailureAsync(Log, CancellationToken.None, platformWait);
        await clock.WaitForTimersAsync(timers + 1);
        Assert.False(waiting.IsCompleted);
        clock.Advance(waits[^1].Delay);
        await waiting.WaitAsync(Patience);
    }

    [Fact]
    public async Task Waits_double_with_the_failures_in_a_row_and_a_success_starts_them_again()
    {
        await FailAsync();
        await FailAsync();
        await FailAsync();
        loop.Succeeded();
        await FailAsync();

        Assert.Equal([1, 2, 3, 1], waits.Select(w => w.Failures));
        Assert.Equal([1, 2, 4, 1], waits.Select(w => Math.Round(w.Delay.TotalSeconds)));
    }

    [Fact]
    public async Task A_wait_the_platform_names_is_taken_instead_of_the_backoff_and_still_counts()
    {
        await FailAsync(TimeSpan.FromSeconds(30));
        await FailAsync();

        Assert.Equal((TimeSpan.FromSeconds(30), 1), waits[0]);
        Assert.Equal(2, waits[1].Failures);
    }

    [Fact]
    public async Task Until_done_waits_out_passing_failures_and_returns_the_answer()
    {
        var attempts = 0;
        var logged = new List<string>();
        var running = loop.UntilDoneAsync(
            _ => ++attempts < 3 ? throw new HttpRequestException("refused", null) : Task.FromResult(attempts),
            e => e is HttpRequestException,
            (e, delay, failures) => logged.Add($"{e.Message} {failures}"),
            CancellationToken.None);

        await clock.AdvanceUntilAsync(running, TimeSpan.FromMinutes(1));

        Assert.Equal(3, await running);
        Assert.Equal(["refused 1", "refused 2"], logged);
        Assert.Equal(0, loop.Failures);
    }

    [Fact]
    public async Task Until_done_ends_at_the_first_failure_that_is_not_passing()
    {
        var attempts = 0;
        var running = loop.UntilDoneAsync<int>(
            _ =>
            {
                attempts++;
                throw new InvalidOperationException("a bug");
            },
            e => e is HttpRequestException,
            (_, _, _) => { },
            CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => running.WaitAsync(Patience));
        Assert.Equal(1, attempts);
        Assert.Equal(0, clock.TimersCreated);
    }
}
