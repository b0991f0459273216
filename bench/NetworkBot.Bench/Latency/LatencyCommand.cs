using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkBot.Bench.Answers;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;
using NetworkBot.Bench.Storage;
using NetworkBot.Core.Storage;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Storage;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// <c>latency</c>: how fast members' interactions are answered while rounds and reminders go out (issue 17). Seeds
/// <c>--communities</c> lived-in communities of <c>--members</c> each into the bot's SQLite file through the import,
/// then drives the Release <c>networkbot run</c> against the fake Discord, and with <c>--slack</c> the fake Slack in Socket
/// Mode as well (one more community, the workspace), at each of <c>--rates</c> for <c>--seconds</c> (see <see cref="LatencyRun"/>). Targets, at every rate: p99 ≤ <see cref="P99Target"/> s and max ≤
/// <see cref="MaxTarget"/> s from the fake sending an interaction to its first callback, none missed, none answered twice.
/// </summary>
internal static class LatencyCommand
{
    public const double P99Target = 0.050;
    public const double MaxTarget = 1.0;

    /// <summary>Roughly how long the bot takes from its start to its first answer, so the first reminders fall due after the warm-up.</summary>
    private static readonly TimeSpan StartAllowance = TimeSpan.FromSeconds(10);

    public static int Run(BenchArgs args)
    {
        var seconds = args.Int("--seconds", 30);
        var rates = args.Ints("--rates", 20, 100);
        var count = args.Int("--communities", 4);
        var members = args.Int("--members", 2000);
        var warmUp = args.Int("--warmup", 10);
        var executable = args.Text("--bot") ?? RepoPaths.NetworkBotExecutable;
        if (!args.Has("--no-build") && args.Text("--bot") is null && ScaleCommand.BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var slack = args.Has("--slack");
        var work = Directory.CreateTempSubdirectory("networkbot-latency-");
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var clock = Stopwatch.StartNew();
        var measuredFrom = DateTimeOffset.UtcNow + StartAllowance + TimeSpan.FromSeconds(warmUp);
        var total = count + (slack ? 1 : 0);
        var spacing = TimeSpan.FromSeconds((double)seconds * rates.Length / total);
        var communities = Enumerable.Range(0, total)
            .Select(i => LatencyCommunity.Make(i, members, measuredFrom + TimeSpan.FromSeconds(5) + (spacing * i), i == count ? FakeSlackApi.TeamId : null))
            .ToList();
        SeedAsync(communities, Path.Combine(work.FullName, BotProcess.DatabaseFileName), guard.Token).GetAwaiter().GetResult();
        var seeded = clock.Elapsed;

        var loadBefore = ScaleCommand.LoadAverage();
        var run = new LatencyRun(communities, rates, seconds, warmUp, executable);
        var phases = RunAsync(run, communities, work.FullName, guard.Token).GetAwaiter().GetResult();
        var loadAfter = ScaleCommand.LoadAverage();

        var report = new BenchReport(slack ? "latency-slack" : "latency");
        report.Note(
            $"{count} Discord communities{(slack ? " and the Slack workspace (Socket Mode) in the same bot process" : "")}, {members:N0} members each " +
            $"(every one in coffee chats, so a round makes {members / 2:N0} groups), imported in {seeded.TotalSeconds:0.0} s. " +
            $"`networkbot run` (Release apphost `{executable}`) against the fakes, whose APIs answer every call after " +
            $"{LatencyRun.LeastRestLatency.TotalMilliseconds:0}–{LatencyRun.MostRestLatency.TotalMilliseconds:0} ms; " +
            $"{warmUp} s of commands at {LatencyRun.WarmUpRate}/s to warm up (not measured), then {seconds} s at each rate, spread over every community. " +
            "Of every 20 members' interactions: 2 `/coffee skip`, 2 `/coffee block`, 4 `/coffee status`, " +
            "2 `/coffee join`, 3 `/intro show`, 4 RSVP buttons and 3 \"did you meet?\" buttons. Meanwhile a manager runs " +
            $"`/admin coffee run-now` every {LatencyRun.RunNowEverySeconds} s from the second second of each rate, in one community after another " +
            "(so members of that community and of the others act while its round is saved and sent), and each community's upcoming event has its reminder to " +
            $"{communities[0].Going:N0} going members fall due during the run (scheduler tick {LatencyRun.SchedulerTick}). " +
            "Each interaction is timed from when the fake sends it to its first answer: on Discord the first callback (answer or defer) the fake REST API " +
            "receives for it, on Slack the envelope's acknowledgement (\"deferred\" there: acknowledged empty, the answer following by `chat.postEphemeral`).");

        var table = new MarkdownTable("platform", "rate", "sent", "answered", "deferred", "p50", "p99", "p99.9", "max", "missed", "duplicates", "rounds run", "run-now answered in (max)", "bot CPU", "bot threads", "load avg");
        foreach (var phase in phases)
        {
            var tally = phase.Tally;
            table.Add(
                phase.Platform,
                $"{phase.Rate}/s",
                tally.Sent.ToString(CultureInfo.InvariantCulture),
                tally.Answered.ToString(CultureInfo.InvariantCulture),
                tally.Deferred.ToString(CultureInfo.InvariantCulture),
                Milliseconds(tally.Percentile(0.5)),
                Milliseconds(tally.Percentile(0.99)),
                Milliseconds(tally.Percentile(0.999)),
                Milliseconds(Max(tally)),
                (tally.Sent - tally.Answered).ToString(CultureInfo.InvariantCulture),
                tally.Duplicates.ToString(CultureInfo.InvariantCulture),
                phase.Rounds.ToString(CultureInfo.InvariantCulture),
                phase.RunNowSeconds.Count == 0 ? "—" : Milliseconds(phase.RunNowSeconds[^1]),
                $"{BenchReport.Number(phase.CpuSeconds, "0.0")} s",
                phase.Threads.ToString(CultureInfo.InvariantCulture),
                $"{loadBefore} → {loadAfter}");
        }

        report.Section("Answer latency of members' interactions while rounds and reminders go out", table.ToString());
        var kinds = new MarkdownTable(["kind", .. phases.Select(p => $"slowest, {p.Platform} at {p.Rate}/s")]);
        foreach (var kind in LatencyRun.Mix.Distinct())
        {
            kinds.Add([kind, .. phases.Select(p => p.SlowestByKind.TryGetValue(kind, out var slowest) ? Milliseconds(slowest) : "—")]);
        }

        report.Section("Slowest answer by kind of interaction", kinds.ToString());
        var bot = phases[^1].Tally;
        report.Note(
            $"Delivered meanwhile (calls the fakes received by the end): {string.Join("; ", run.Deliveries.Select(p => $"{p.Key}: " + string.Join(", ", p.Value.Select(d => $"{d.Value:N0} {d.Key}"))))}. " +
            $"Rounds: the managers asked for {phases.Sum(p => p.Rounds)}, " +
            $"the bot started {run.RoundsStarted} (the others were refused as \"changed meanwhile\": a grouped member changed while the round was worked out). " +
            $"{run.Late} interactions were sent over 0.1 s behind schedule (the sender fell behind). The bot logged {bot.BotErrors} error lines" +
            (args.Has("--keep") || bot.BotErrors > 0 ? $" ({bot.BotLog})" : "") + ". Bot CPU: the CPU seconds the bot used while the rate was driven (its " +
            $"{seconds} s, both platforms), which do not depend on what else the machine runs; bot threads: its thread count at the end of it. " +
            $"Load avg: 1-minute, this machine ({Environment.ProcessorCount} CPUs), before → after.");

        foreach (var phase in phases)
        {
            var tally = phase.Tally;
            var name = $"{phase.Platform} {phase.Rate}/s";
            report.Target($"{name}: p99 ≤ {P99Target * 1000:0} ms", Milliseconds(tally.Percentile(0.99)), tally.Percentile(0.99) <= P99Target);
            report.Target($"{name}: max ≤ {MaxTarget * 1000:0} ms, none missed", Milliseconds(Max(tally)), Max(tally) <= MaxTarget);
            report.Target($"{name}: answered twice = 0", tally.Duplicates.ToString(CultureInfo.InvariantCulture), tally.Duplicates == 0);
        }

        var exit = report.Finish();
        if (!args.Has("--keep") && bot.BotErrors == 0 && exit == 0)
        {
            work.Delete(recursive: true);
        }

        return exit;
    }

    /// <summary>Starts the fakes the communities are on, runs the bot against them, and takes them down.</summary>
    private static async Task<IReadOnlyList<LatencyPhase>> RunAsync(LatencyRun run, IReadOnlyList<LatencyCommunity> communities, string work, CancellationToken ct)
    {
        var platforms = new Dictionary<string, ILatencyPlatform>(StringComparer.Ordinal)
        {
            ["discord"] = await DiscordLatencyPlatform.StartAsync(communities.Where(c => c.Platform == "discord")),
        };
        try
        {
            if (communities.FirstOrDefault(c => c.Platform == "slack") is { } workspace)
            {
                platforms["slack"] = await SlackLatencyPlatform.StartAsync(workspace);
            }

            return await run.RunAsync(work, platforms, ct);
        }
        finally
        {
            foreach (var platform in platforms.Values)
            {
                await platform.DisposeAsync();
            }
        }
    }

    /// <summary>Imports the communities into a new SQLite file through the store's import, then lets go of it for the bot.</summary>
    private static async Task SeedAsync(IReadOnlyList<LatencyCommunity> communities, string file, CancellationToken ct)
    {
        using (var store = await StoreInstance.OpenAsync(StorageOptions.SqliteProvider, $"Data Source={file}", null, ct))
        {
            foreach (var community in communities)
            {
                await community.Seeded.WriteToAsync((IExportStore)store.Store, ct);
            }
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The slowest answer; endless when one was never answered.</summary>
    private static double Max(AnswerTally tally) =>
        tally.Answered < tally.Sent ? double.PositiveInfinity : tally.Latencies.Count > 0 ? tally.Latencies[^1] : 0;

    private static string Milliseconds(double seconds) =>
        double.IsPositiveInfinity(seconds) ? "—" : $"{BenchReport.Number(seconds * 1000, "0.0")} ms";
}
