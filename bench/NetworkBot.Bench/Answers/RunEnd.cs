using System.Diagnostics;

namespace NetworkBot.Bench.Answers;

/// <summary>How both platforms' runs wait for their last answers and take their bot and fakes down.</summary>
internal static class RunEnd
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Waits until <paramref name="allAnswered"/> holds or 15 s have passed: what is unanswered then counts as missed.</summary>
    public static async Task DrainAsync(Func<bool> allAnswered, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until && !allAnswered())
        {
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Stops the connection tracking, then the bot, then the fakes, and lets the tracking finish.</summary>
    public static async Task StopAsync(CancellationTokenSource tracking, Task tracked, BotProcess bot, params IAsyncDisposable[] fakes)
    {
        await tracking.CancelAsync();
        bot.Stop();
        foreach (var fake in fakes)
        {
            await fake.DisposeAsync();
        }

        await tracked.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
