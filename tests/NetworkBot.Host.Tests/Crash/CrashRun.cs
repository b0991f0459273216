using System.Diagnostics;
using System.Globalization;
using NetworkBot.Bench.Answers;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Starts the real <c>networkbot run</c> (<paramref name="instances"/> processes at once, on one database) against the
/// fake Discord on a database seeded with <paramref name="scenario"/>, stops one of them <paramref name="stops"/> times
/// with <paramref name="signal"/> at moments drawn from <paramref name="seed"/>, then lets the ones running deliver
/// everything and stops them with SIGTERM. A stopped instance is started again, except after the last stop when others
/// still run: those finish the delivery alone. The fakes outlive the restarts and record every call. A moment is
/// "after the bots' n-th REST call since the previous stop" (n drawn so the stops spread over the whole delivery, see
/// <see cref="Moments"/>; a small n lands in start-up) plus 0–9 ms, so a stop lands anywhere: between calls, while one
/// is in flight, while the outbox row is written. With several instances the one stopped is the one holding the outbox's
/// claims at that moment (the one delivering), or one drawn from the seed when none holds any.
/// </summary>
public sealed class CrashRun(
    string executable, CrashScenario scenario, CrashStorage storage, int instances, int stops, CrashSignal signal, int seed, TimeSpan timeout, Action<string> progress)
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(60);

    /// <summary>More settings for every bot (environment variables, <c>__</c> for <c>:</c>), over the harness's own.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Where the stops land, as fractions of the scenario's estimated REST calls per stop: n is drawn between the two.
    /// The default, 0 to 2, spreads them over the whole delivery and past it (a stop after everything was sent, or in
    /// start-up, counts too); a narrower window puts a single stop in the middle of the fan-out.
    /// </summary>
    public (double From, double To) Moments { get; init; } = (0, 2);

    /// <summary>
    /// Settings for <see cref="Settings"/> that cut the outbox claim lease to <paramref name="lease"/>
    /// (<c>Worker:ClaimLease</c>, 10 minutes unless set), so a killed instance's claims end within a run; the delivery
    /// grace, which the host requires shorter than the lease, goes to half of it.
    /// </summary>
    public static Dictionary<string, string> LeaseSettings(TimeSpan lease) => new()
    {
        ["Worker__ClaimLease"] = lease.ToString("c", CultureInfo.InvariantCulture),
        ["Worker__DeliveryGrace"] = (lease / 2).ToString("c", CultureInfo.InvariantCulture),
    };

    public async Task<CrashTally> RunAsync(string workFolder, CancellationToken ct)
    {
        if (instances > 1 && storage.Provider != StorageOptions.PostgresProvider)
        {
            throw new ArgumentException($"{instances} instances share a PostgreSQL database only; {storage.Provider} holds one process.", nameof(instances));
        }

        var clock = Stopwatch.StartNew();
        await scenario.SeedAsync(storage, DateTimeOffset.UtcNow, ct);
        progress($"seeded {storage.Provider} in {clock.Elapsed.TotalSeconds:0.0} s");
        await using var gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        await using var api = await FakeDiscordApi.StartAsync(gateway.Url);
        var settings = new Dictionary<string, string>
        {
            ["Discord__Token"] = "crash-bot-token",
            ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Worker__SchedulerTick"] = "00:00:01",
            ["Worker__OutboxPoll"] = "00:00:00.200",
        };
        foreach (var (key, value) in storage.BotSettings.Concat(Settings))
        {
            settings[key] = value;
        }

        var random = new Random(seed);
        var perStop = (double)scenario.EstimatedRequests / Math.Max(1, stops);
        var fewest = Math.Max(1, (int)(Moments.From * perStop));
        var most = Math.Max(fewest + 1, (int)(Moments.To * perStop));
        var ended = new List<CrashStop>();
        var running = new List<Instance>();
        Instance Start(int number) => new(
            number,
            BotProcess.Start(executable, workFolder, settings, instances == 1 ? "networkbot.log" : $"networkbot-{number}.log"),
            api.Requests.Count,
            gateway.ConnectionCount);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            running.AddRange(Enumerable.Range(1, instances).Select(Start));
            for (var run = 1; run <= stops; run++)
            {
                var from = api.Requests.Count;
                var after = random.Next(fewest, most + 1);
                var jitter = random.Next(0, 10);
                await UntilAsync(
                    () => api.Requests.Count >= from + after || running.Any(i => i.Bot.HasExited), () => DrainedAsync(api, deadline.Token), $"stop {run}", deadline.Token);
                await Task.Delay(jitter, deadline.Token);
                var (victim, claims) = await VictimAsync(running, random, deadline.Token);
                var early = victim.Bot.HasExited;
                if (signal == CrashSignal.Kill)
                {
                    victim.Bot.Stop();
                }
                else
                {
                    victim.Bot.Terminate();
                }

                var inTime = await victim.Bot.WaitForExitAsync(StopWait);
                if (!inTime)
                {
                    victim.Bot.Stop();
                }

                var stop = new CrashStop(run, victim.RequestsFrom, api.Requests.Count, victim.Bot.ExitCode, early, inTime, await storage.IntegrityAsync(ct))
                {
                    Instance = victim.Number,
                    ClaimsHeld = claims,
                    EndedAt = Stopwatch.GetTimestamp(),
                };
                ended.Add(stop);
                var who = instances == 1 ? "" : $" instance {victim.Number} (pid {victim.Bot.Id}, holding {claims} claims)";
                progress($"{clock.Elapsed.TotalSeconds:0.0} s, run {run}: SIG{signal.ToString().ToUpperInvariant()}{who} after {after} calls + {jitter} ms; made {stop.RequestsTo - stop.RequestsFrom} calls; exit {stop.ExitCode}{(early ? " (had exited on its own)" : "")}; integrity {stop.Integrity}");
                running.Remove(victim);
                victim.Bot.Dispose();
                if (run < stops || running.Count == 0)
                {
                    running.Add(Start(victim.Number));
                }
            }

            // Up first (each connected to the gateway), so the closing SIGTERM meets running bots even when nothing was left to deliver.
            await UntilAsync(
                () => running.Any(i => i.Bot.HasExited) || running.All(i => gateway.ConnectionCount > i.ConnectionsBefore), () => Task.FromResult(false), "the bots to connect", deadline.Token);
            await UntilAsync(() => running.Any(i => i.Bot.HasExited), () => DrainedAsync(api, deadline.Token), "the delivery to finish", deadline.Token);
            var exitedEarly = running.Where(i => i.Bot.HasExited).ToHashSet();
            foreach (var last in running)
            {
                last.Bot.Terminate();
            }

            foreach (var last in running)
            {
                var inTime = await last.Bot.WaitForExitAsync(StopWait);
                ended.Add(new CrashStop(stops + 1, last.RequestsFrom, api.Requests.Count, last.Bot.ExitCode, exitedEarly.Contains(last), inTime, await storage.IntegrityAsync(ct))
                {
                    Instance = last.Number,
                    Final = true,
                    EndedAt = Stopwatch.GetTimestamp(),
                });
                progress($"{clock.Elapsed.TotalSeconds:0.0} s, final run{(instances == 1 ? "" : $", instance {last.Number}")}: drained, SIGTERM; made {api.Requests.Count - last.RequestsFrom} calls; exit {last.Bot.ExitCode}; bot log {last.Bot.LogPath} ({last.Bot.ErrorLines} error lines)");
            }
        }
        finally
        {
            foreach (var left in running)
            {
                left.Bot.Dispose();
            }
        }

        return await CrashTally.FromAsync(storage, api.Requests, ended, ct);
    }

    /// <summary>
    /// The instance to stop and how many undelivered messages it holds claims on: the only one, or of several the one
    /// holding the most (the one delivering: a dispatcher's claims name its process id, <c>machine/pid/guid</c>), or
    /// one drawn from the seed when none holds any (in start-up, between two batches).
    /// </summary>
    private async Task<(Instance Victim, int? Claims)> VictimAsync(List<Instance> running, Random random, CancellationToken ct)
    {
        if (running.Count == 1)
        {
            return (running[0], null);
        }

        var claims = await storage.ClaimsByOwnerAsync(ct);
        var held = running
            .Select(i => (Instance: i, Claims: claims.Where(c => c.Key.Split('/') is [.., var pid, _] && pid == i.Bot.Id.ToString(CultureInfo.InvariantCulture)).Sum(c => c.Value)))
            .ToList();
        var holder = held.MaxBy(h => h.Claims);
        return holder.Claims > 0 ? holder : held[random.Next(held.Count)];
    }

    /// <summary>
    /// Whether everything the scenario decides was decided and delivered: the round is stored, the reminder was sent,
    /// and no outbox row waits (a retry due later still waits). On a database the harness may not read beside a running
    /// bot (<see cref="CrashStorage.ReadableBesideBots"/>, LiteDB) it is that <paramref name="api"/> received every
    /// message the scenario decides: the same moment but for the last row's mark as delivered, which a stop then meets
    /// in flight (a kill may repeat it, a SIGTERM lets it finish), and the tally still reads every row afterwards.
    /// </summary>
    private async Task<bool> DrainedAsync(FakeDiscordApi api, CancellationToken ct)
    {
        if (!storage.ReadableBesideBots)
        {
            return CrashTally.MessagesPosted(api.Requests) >= scenario.Messages;
        }

        return await storage.WithStoreAsync(
            async store => (await store.ListRoundsAsync(CrashScenario.Community, 1, ct)).Count > 0
                && (await store.GetEventAsync(CrashScenario.Community, CrashScenario.EventId, ct))?.RemindedFor is not null
                && (await store.ListDueOutboxAsync(DateTimeOffset.UtcNow.AddDays(1), 1, ct)).Count == 0,
            ct);
    }

    /// <summary>
    /// Returns once <paramref name="reached"/> (checked every 10 ms) or <paramref name="drained"/> (a few database
    /// reads, every 250 ms) holds; the run's deadline fails it, naming what it was <paramref name="waitingFor"/>.
    /// </summary>
    private async Task UntilAsync(Func<bool> reached, Func<Task<bool>> drained, string waitingFor, CancellationToken ct)
    {
        try
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
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The crash run's {timeout} ran out waiting for {waitingFor}.");
        }
    }

    /// <summary>A running bot: its instance number, its process, and the fakes' counts when it started.</summary>
    private sealed record Instance(int Number, BotProcess Bot, int RequestsFrom, int ConnectionsBefore);
}
