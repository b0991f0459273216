using System.Globalization;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;

namespace NetworkBot.Bench.Fanout;

/// <summary>
/// <c>fanout</c>: how long a coffee round's and an event reminder's messages take to reach everyone, against the least
/// time the platforms' documented rate limits allow for the same calls (see <see cref="FanoutRun"/>). Targets per run:
/// at most <see cref="TargetRatio"/>× that bound and at most <see cref="TargetLimitedShare"/> of the calls answered 429.
/// </summary>
/// <remarks>
/// Time runs <c>--rate-scale</c> times faster than on the platforms (every limit of the fake and of the bot multiplied,
/// every window divided), so 10,000 groups fit in minutes; the bound is computed from the limits in force, so the ratio
/// means what it would at scale 1. The per-call latency is not scaled: the bot must keep that many more calls in flight.
/// </remarks>
internal static class FanoutCommand
{
    public const double TargetRatio = 1.1;
    public const double TargetLimitedShare = 0.01;
    public const double DefaultDiscordScale = 10;
    public const double DefaultSlackScale = 20;

    public static int Run(BenchArgs args)
    {
        var groups = args.Int("--groups", 1000);
        var reminded = args.Int("--reminders", 5000);
        var platforms = (args.Text("--platforms") ?? "discord,slack").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var cases = (args.Text("--cases") ?? "round,reminders").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var latency = TimeSpan.FromMilliseconds(args.Int("--latency-ms", 50));
        var scaleText = args.Text("--rate-scale");
        if (platforms.Any(p => p is not ("discord" or "slack")) || cases.Any(c => c is not ("round" or "reminders")))
        {
            Console.Error.WriteLine("fanout: --platforms is discord, slack or both; --cases is round, reminders or both");
            return 2;
        }

        var executable = args.Text("--bot") ?? RepoPaths.NetworkBotExecutable;
        if (!args.Has("--no-build") && args.Text("--bot") is null && ScaleCommand.BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var command = $"NetworkBot.Bench fanout --groups {groups} --reminders {reminded} --platforms {string.Join(',', platforms)} --cases {string.Join(',', cases)} " +
            $"--latency-ms {latency.TotalMilliseconds:0}" + (scaleText is null ? "" : $" --rate-scale {scaleText}");
        Console.Error.WriteLine(command);
        var table = new MarkdownTable("platform", "fan-out", "rate scale", "calls (429s) per method", "first → last call", "bound", "× bound", "429 share", "bot CPU", "load avg");
        var notes = new List<string>();
        var report = new BenchReport(args.Text("--out") ?? "fanout");
        foreach (var platform in platforms)
        {
            var scale = scaleText is null ? (platform == "discord" ? DefaultDiscordScale : DefaultSlackScale) : double.Parse(scaleText, CultureInfo.InvariantCulture);
            foreach (var fanout in cases)
            {
                var scenario = fanout == "round"
                    ? new FanoutScenario(platform, FanoutCase.Round, groups)
                    : new FanoutScenario(platform, FanoutCase.Reminders, reminded);
                var work = Directory.CreateTempSubdirectory("networkbot-fanout-");
                var loadBefore = ScaleCommand.LoadAverage();
                Console.Error.WriteLine($"{platform} {fanout} ({scenario.Size}) at rate scale {scale}…");
                var result = new FanoutRun(scenario, scale, latency, executable).RunAsync(work.FullName, CancellationToken.None).GetAwaiter().GetResult();
                var loadAfter = ScaleCommand.LoadAverage();
                var what = fanout == "round" ? $"round, {groups:N0} groups" : $"reminders, {reminded:N0} members";
                table.Add(
                    platform,
                    what,
                    BenchReport.Number(scale, "0.##"),
                    string.Join("; ", result.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"`{c.Key}` {c.Value.Calls} ({c.Value.Limited})")),
                    $"{BenchReport.Number(result.Seconds, "0.0")} s",
                    $"{BenchReport.Number(result.BoundSeconds, "0.0")} s",
                    BenchReport.Number(result.Ratio, "0.00"),
                    BenchReport.Share(result.LimitedShare),
                    $"{BenchReport.Number(result.CpuSeconds, "0.0")} s ({BenchReport.Number(result.CpuSeconds * 1000 / Math.Max(1, result.TotalCalls), "0.0")} ms/call)",
                    $"{loadBefore} → {loadAfter}");
                notes.Add($"- {platform} {what}: bound by {result.BoundBy}; {result.Posts} posts" +
                    (result.Finished ? "" : $" of {scenario.ExpectedPosts} (**did not finish**)") + $"; the bot logged {result.BotErrors} error lines" +
                    (result.Finished && result.BotErrors == 0 && !args.Has("--keep") ? "." : $" ({result.BotLog})."));
                report.Target($"{platform} {what}: ≤ {TargetRatio}× bound", $"{BenchReport.Number(result.Ratio, "0.00")}×", result.Finished && result.Ratio <= TargetRatio);
                report.Target($"{platform} {what}: ≤ {BenchReport.Share(TargetLimitedShare)} of calls answered 429", BenchReport.Share(result.LimitedShare), result.LimitedShare <= TargetLimitedShare);
                if (result.Finished && result.BotErrors == 0 && !args.Has("--keep"))
                {
                    work.Delete(recursive: true);
                }
            }
        }

        report.Section(
            "Fan-out: `networkbot run` (Release apphost) against fakes limiting like Discord and Slack",
            table + $"\n`{command}`. Each run: a fresh SQLite file seeded through the real store, the bot started against the fake, " +
            $"every call answered after {latency.TotalMilliseconds:0} ms. Measured from the fan-out's first call to its last, as the fake received them. " +
            "Bot CPU: the bot process's CPU time from the fan-out's first call to the end of the run (a second of quiet included), per call made. Bound: the least time the limits in force allow for the calls the fake accepted (calls beyond a limit's burst at its rate; " +
            "the slowest limit decides); the rate scale multiplies every limit of the fake and of the bot alike. " +
            $"Load avg: 1-minute, this machine ({Environment.ProcessorCount} CPUs), before → after.\n\n" + string.Join('\n', notes));
        return report.Finish();
    }
}
