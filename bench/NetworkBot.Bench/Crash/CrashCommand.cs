using System.Globalization;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;
using NetworkBot.Host.Tests.Crash;

namespace NetworkBot.Bench.Crash;

/// <summary>
/// <c>crash</c>: whether the worker loses nothing and sends nothing twice when it is stopped at random moments while it
/// delivers a coffee round and an event's reminders (issue 13; see <see cref="CrashRun"/> and RELIABILITY.md). Targets:
/// nothing lost, the database intact after every stop; with SIGKILL a duplicate only for the one message in flight at
/// a kill, no second thread; with SIGTERM no duplicate at all.
/// </summary>
internal static class CrashCommand
{
    public static int Run(BenchArgs args)
    {
        var kills = args.Int("--kills", 20);
        var groups = args.Int("--groups", 500);
        var going = args.Int("--going", 200);
        var signal = args.Text("--signal") == "term" ? CrashSignal.Term : CrashSignal.Kill;
        var seed = args.Text("--seed") is null ? Random.Shared.Next() : args.Int("--seed", 0);
        var executable = args.Text("--bot") ?? RepoPaths.NetworkBotExecutable;
        if (!args.Has("--no-build") && args.Text("--bot") is null && ScaleCommand.BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("networkbot-crash-");
        var scenario = new CrashScenario(groups, going);
        var command = $"NetworkBot.Bench crash --kills {kills} --signal {(signal == CrashSignal.Kill ? "kill" : "term")} --groups {groups} --going {going} --seed {seed}";
        Console.Error.WriteLine(command);
        var lines = new List<string>();
        var run = new CrashRun(executable, scenario, kills, signal, seed, TimeSpan.FromMinutes(30), line =>
        {
            Console.Error.WriteLine(line);
            lines.Add(line);
        });
        var tally = run.RunAsync(work.FullName, CancellationToken.None).GetAwaiter().GetResult();

        var intact = tally.Stops.Count(s => s.IntegrityOk);
        var table = new MarkdownTable("signal", "stops", "expected", "delivered", "lost", "duplicates", "in flight at a stop", "second threads", "undelivered rows", "integrity ok", "exited on their own");
        table.Add(
            signal == CrashSignal.Kill ? "SIGKILL" : "SIGTERM",
            kills.ToString(CultureInfo.InvariantCulture),
            tally.Expected.ToString(CultureInfo.InvariantCulture),
            tally.Delivered.ToString(CultureInfo.InvariantCulture),
            tally.Lost.Count.ToString(CultureInfo.InvariantCulture),
            tally.Duplicates.ToString(CultureInfo.InvariantCulture),
            (tally.Repeated.Count - tally.RepeatedOutsideStops.Count).ToString(CultureInfo.InvariantCulture),
            tally.ExtraThreads.ToString(CultureInfo.InvariantCulture),
            tally.Undelivered.ToString(CultureInfo.InvariantCulture),
            $"{intact} of {tally.Stops.Count}",
            tally.Stops.Count(s => s.ExitedBeforeSignal).ToString(CultureInfo.InvariantCulture));

        var report = new BenchReport(signal == CrashSignal.Kill ? "crash-kill" : "crash-term");
        report.Section(
            $"Crash: `networkbot run` (Release apphost) stopped {kills} times with {(signal == CrashSignal.Kill ? "SIGKILL" : "SIGTERM")} while it delivers",
            table + $"\n`{command}`. A coffee round of {groups} pairs ({groups * 2} members, due at start; each pair introduced in a " +
            $"private thread) and an event announcement plus its due reminder to {scenario.Going} members (one DM each). " +
            "Expected: one message per outbox row (per member for a DM), known by the nonce the bot sends. Duplicates: posts of " +
            "one nonce beyond the first (real Discord folds a repeat inside its nonce window into the first message; the fake " +
            "counts it). Second threads: threads made beyond one per group (no nonce protects them). Integrity: " +
            "`PRAGMA integrity_check` after every stop, the last one included.");
        report.Section("Stops", string.Join('\n', lines.Select(l => $"- {l}")));
        if (tally.Repeated.Count > 0 || tally.Lost.Count > 0)
        {
            report.Section(
                "Messages lost or posted more than once",
                string.Join('\n', tally.Lost.Take(20).Select(l => $"- lost: {l}")
                    .Concat(tally.Repeated.Select(r => $"- posted {r.Value}×: {r.Key}{(tally.RepeatedOutsideStops.Contains(r.Key) ? " (not in flight at a stop)" : "")}"))));
        }

        report.Target("lost = 0", tally.Lost.Count.ToString(CultureInfo.InvariantCulture), tally.Lost.Count == 0);
        report.Target("database intact after every stop", $"{intact} of {tally.Stops.Count}", intact == tally.Stops.Count);
        if (signal == CrashSignal.Kill)
        {
            report.Target("duplicates only of a message in flight at a kill", tally.RepeatedOutsideStops.Count.ToString(CultureInfo.InvariantCulture), tally.RepeatedOutsideStops.Count == 0);
        }
        else
        {
            report.Target("duplicates = 0", tally.Duplicates.ToString(CultureInfo.InvariantCulture), tally.Duplicates == 0);
        }

        report.Target("second threads = 0", tally.ExtraThreads.ToString(CultureInfo.InvariantCulture), tally.ExtraThreads == 0);
        var exit = report.Finish();
        if (exit == 0 && !args.Has("--keep"))
        {
            work.Delete(recursive: true);
        }
        else
        {
            Console.Error.WriteLine($"database and bot log kept in {work.FullName}");
        }

        return exit;
    }
}
