using System.Diagnostics;
using NetworkBot.Bench.Answers;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Starts the real <c>networkbot run</c> (its own process) against the fake Discord on a database seeded with
/// <paramref name="scenario"/>, stops it <paramref name="stops"/> times with <paramref name="signal"/> at moments drawn from
/// <paramref name="seed"/>, restarting it each time, then lets one last run deliver everything and stops it with SIGTERM.
/// The fakes outlive the restarts and record every call. A moment is "after the bot's n-th REST call of this start"
/// (n drawn so the stops spread over the whole delivery; a small n lands in start-up) plus 0–9 ms, so a stop lands
/// anywhere: between calls, while one is in flight, while the outbox row is written.
/// </summary>
public sealed class CrashRun(string executable, CrashScenario scenario, int stops, CrashSignal signal, int seed, TimeSpan timeout, Action<string> progress)
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(60);

    public async Task<CrashTally> RunAsync(string workFolder, CancellationToken ct)
    {
        var database = Path.Combine(workFolder, BotProcess.DatabaseFileName);
        await scenario.SeedAsync(database, DateTimeOffset.UtcNow, ct);
        await using var gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        await using var api = await FakeDiscordApi.StartAsync(gateway.Url);
        var settings = new Dictionary<string, string>
        {
            ["Discord__Token"] = "crash-bot-token",
            ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Worker__SchedulerTick"] = "00:00:01",
            ["Worker__OutboxPoll"] = "00:00:00.200",
        };
        var random = new Random(seed);
        var spread = Math.Max(2, 2 * scenario.EstimatedRequests / Math.Max(1, stops));
        var ended = new List<CrashStop>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        for (var run = 1; run <= stops; run++)
        {
            var from = api.Requests.Count;
            var after = random.Next(1, spread + 1);
            var jitter = random.Next(0, 10);
            using var bot = BotProcess.Start(executable, workFolder, settings);
            await UntilAsync(() => api.Requests.Count >= from + after || bot.HasExited, () => DrainedAsync(database, deadline.Token), deadline.Token);
            await Task.Delay(jitter, deadline.Token);
            var early = bot.HasExited;
            if (signal == CrashSignal.Kill)
            {
                bot.Stop();
            }
            else
            {
                bot.Terminate();
            }

            var inTime = await bot.WaitForExitAsync(StopWait);
            if (!inTime)
            {
                bot.Stop();
            }

            var stop = new CrashStop(run, from, api.Requests.Count, bot.ExitCode, early, inTime, await CrashTally.IntegrityAsync(database, ct));
            ended.Add(stop);
            progress($"run {run}: SIG{signal.ToString().ToUpperInvariant()} after {after} calls + {jitter} ms; made {stop.RequestsTo - stop.RequestsFrom} calls; exit {stop.ExitCode}{(early ? " (had exited on its own)" : "")}; integrity {stop.Integrity}");
        }

        var connections = gateway.ConnectionCount;
        using (var last = BotProcess.Start(executable, workFolder, settings))
        {
            var from = api.Requests.Count;

            // Up first (connected to the gateway), so the closing SIGTERM meets a running bot even when nothing was left to deliver.
            await UntilAsync(() => last.HasExited || gateway.ConnectionCount > connections, () => Task.FromResult(false), deadline.Token);
            await UntilAsync(() => last.HasExited, () => DrainedAsync(database, deadline.Token), deadline.Token);
            var early = last.HasExited;
            last.Terminate();
            var inTime = await last.WaitForExitAsync(StopWait);
            ended.Add(new CrashStop(stops + 1, from, api.Requests.Count, last.ExitCode, early, inTime, await CrashTally.IntegrityAsync(database, ct)));
            progress($"final run: drained, SIGTERM; made {api.Requests.Count - from} calls; exit {last.ExitCode}; bot log {last.LogPath} ({last.ErrorLines} error lines)");
        }

        return await CrashTally.FromAsync(database, api.Requests, ended, ct);
    }

    /// <summary>
    /// Whether everything the scenario decides was decided and delivered: the round is stored, the reminder was sent,
    /// and no outbox row waits (a retry due later still waits).
    /// </summary>
    private static async Task<bool> DrainedAsync(string database, CancellationToken ct)
    {
        var store = CrashScenario.Store(database);
        return (await store.ListRoundsAsync(CrashScenario.Community, 1, ct)).Count > 0
            && (await store.GetEventAsync(CrashScenario.Community, CrashScenario.EventId, ct))?.RemindedFor is not null
            && (await store.ListDueOutboxAsync(DateTimeOffset.UtcNow.AddDays(1), 1, ct)).Count == 0;
    }

    /// <summary>
    /// Returns once <paramref name="reached"/> (checked every 10 ms) or <paramref name="drained"/> (a few database
    /// reads, every 250 ms) holds; the run's deadline fails it.
    /// </summary>
    private static async Task UntilAsync(Func<bool> reached, Func<Task<bool>> drained, CancellationToken ct)
    {
        var nextRead = 0L;
        while (!reached())
        {
            if (Stopwatch.GetTimestamp() >= nextRead)
            {
                if (await drained())
                {
                    return;
                }

                nextRead = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 4);
            }

            await Task.Delay(10, ct);
        }
    }
}
