using System.Globalization;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// <c>footprint</c>: what the running bot costs to keep and how fast it is ready. For each community size (1,000,
/// 10,000 and 100,000 members by default, with rounds of history and their connections) it runs
/// <see cref="FootprintRun"/> against the fake Discord, or the fake Slack in Socket Mode with <c>--slack</c>. Targets:
/// resident memory idle at <see cref="TargetMembers"/> members ≤ <see cref="IdleTargetMegabytes"/> MB, and the median
/// start → first answer ≤ <see cref="StartTargetSeconds"/> s at every size.
/// </summary>
internal static class FootprintCommand
{
    public const int TargetMembers = 100_000;
    public const double IdleTargetMegabytes = 150;
    public const double StartTargetSeconds = 2;

    public static int Run(BenchArgs args)
    {
        var sizes = args.Ints("--sizes", 1_000, 10_000, TargetMembers);
        var rounds = args.Int("--rounds", 26);
        var starts = args.Int("--starts", 5);
        var settle = TimeSpan.FromSeconds(args.Int("--settle", 10));
        var idle = TimeSpan.FromSeconds(args.Int("--idle", 20));
        var delivery = TimeSpan.FromSeconds(args.Int("--delivery", 10));
        var slack = args.Has("--slack");
        // Runtime settings to try without a rebuild (DOTNET_gcServer=0,DOTNET_GCConserveMemory=5): they are named in the report.
        var settings = (args.Text("--env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var executable = args.Text("--bot") ?? RepoPaths.NetworkBotExecutable;
        if (!args.Has("--no-build") && args.Text("--bot") is null && ScaleCommand.BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var table = new MarkdownTable(
            "members", "database", "start → ready (median)", "start → first answer (median)", "first answer, each start", "CPU to first answer (median)", "idle VmRSS max", "idle VmHWM",
            "round VmRSS peak", "round saved + answered", "messages posted", "bot errors", "load avg");
        var report = new BenchReport(slack ? "footprint-slack" : "footprint");
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var results = new List<FootprintResult>();
        var platform = (slack ? SlackFootprint.StartAsync().GetAwaiter().GetResult() : (IFootprintPlatform)DiscordFootprint.StartAsync().GetAwaiter().GetResult());
        try
        {
            foreach (var members in sizes)
            {
                var work = Directory.CreateTempSubdirectory("networkbot-footprint-");
                var loadBefore = ScaleCommand.LoadAverage();
                var run = new FootprintRun(executable, platform, starts, settle, idle, delivery, settings, args.Has("--reseed"), line => Console.Error.WriteLine($"footprint: {line}"));
                var result = run.RunAsync(members, rounds, work.FullName, guard.Token).GetAwaiter().GetResult();
                results.Add(result);
                table.Add(
                    members.ToString("N0", CultureInfo.InvariantCulture),
                    $"{BenchReport.Number(result.SeedSeconds, "0.0")} s",
                    $"{BenchReport.Number(ScaleCommand.Median(result.ReadySeconds), "0.000")} s",
                    $"{BenchReport.Number(ScaleCommand.Median(result.AnswerSeconds), "0.000")} s",
                    string.Join(", ", result.AnswerSeconds.Select(s => BenchReport.Number(s, "0.00"))),
                    $"{BenchReport.Number(ScaleCommand.Median(result.AnswerCpuSeconds), "0.00")} s",
                    Megabytes(result.Idle.ResidentMegabytes),
                    Megabytes(result.Idle.HighWaterMegabytes),
                    Megabytes(result.Round.ResidentMegabytes),
                    $"{BenchReport.Number(result.RoundAnsweredSeconds, "0.0")} s",
                    result.MessagesPosted.ToString("N0", CultureInfo.InvariantCulture),
                    result.BotErrors.ToString(CultureInfo.InvariantCulture),
                    $"{loadBefore} → {ScaleCommand.LoadAverage()}");
                if (args.Has("--keep") || result.BotErrors > 0)
                {
                    Console.Error.WriteLine($"footprint: kept {work.FullName} (bot log {result.BotLog})");
                }
                else
                {
                    work.Delete(recursive: true);
                }
            }
        }
        finally
        {
            platform.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        var environment = settings.Count == 0 ? "none" : string.Join(", ", settings.Select(s => $"`{s.Key}={s.Value}`"));
        report.Section(
            $"Footprint: `networkbot run` (Release apphost) against the fake {platform.Name}, SQLite",
            table + $"\nEach size: a community seeded with `CommunitySeeder` ({rounds} weekly rounds of pairs, the last still open, their answers and connections; no events; dated so that no scheduled step falls due during the run), "
            + $"imported into a SQLite file (\"database\": the seconds to seed it, or to copy the one seeded less than {FootprintRun.CacheAge.TotalHours:0} h ago from bench/data; `--reseed` seeds anew). The bot is started once to warm the disk, then {starts} times, each timed from just before the process "
            + $"starts to the fake's {platform.ReadyEvent} and to the first answer to a member's `/coffee status` sent right after it, and the CPU seconds (user + system) the bot had used by then, which load disturbs less. The last bot stays: after "
            + $"{settle.TotalSeconds:0} s to settle its resident memory is read from /proc every 100 ms for {idle.TotalSeconds:0} s (nothing forced; the "
            + $"most is reported, VmHWM is the most since start, start-up included); then a manager runs `/admin coffee run-now` for the whole community "
            + $"and memory is read until the round is grouped, saved and answered, and {delivery.TotalSeconds:0} s more while its messages go out "
            + $"(messages posted in that time). Bot: `{executable}`; extra environment: {environment}. Load avg: 1-minute, this machine "
            + $"({Environment.ProcessorCount} CPUs), before → after.");
        foreach (var result in results)
        {
            report.Note($"{result.Members:N0} members, the round's answer: {result.RoundAnswer.ReplaceLineEndings(" ")}");
        }

        foreach (var result in results.Where(r => r.Members == TargetMembers))
        {
            report.Target($"idle VmRSS at {TargetMembers:N0} members ≤ {IdleTargetMegabytes:0} MB", Megabytes(result.Idle.ResidentMegabytes), result.Idle.ResidentMegabytes <= IdleTargetMegabytes);
        }

        foreach (var result in results)
        {
            var median = ScaleCommand.Median(result.AnswerSeconds);
            report.Target($"start → first answer at {result.Members:N0} members, median ≤ {StartTargetSeconds:0} s", $"{BenchReport.Number(median, "0.000")} s", median <= StartTargetSeconds);
        }

        return report.Finish();
    }

    private static string Megabytes(double value) => $"{BenchReport.Number(value, "0")} MB";
}
