using System.Globalization;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;
using NetworkBot.Host.Tests.Crash;
using NetworkBot.Storage;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Bench.Crash;

/// <summary>
/// <c>crash</c>: whether the worker loses nothing and sends nothing twice when it is stopped at random moments while it
/// delivers a coffee round and an event's reminders (issue 13; see <see cref="CrashRun"/> and RELIABILITY.md). Targets:
/// nothing lost, the database intact after every stop; with SIGKILL a duplicate only for the one message in flight at
/// a kill, no second thread; with SIGTERM no duplicate at all; one round. <c>--provider litedb</c> runs it on a LiteDB
/// file (issue 15), <c>--provider postgres</c> on a
/// throw-away PostgreSQL server (or the empty database <c>--postgres</c> names), <c>--instances 2</c> with two bots on it
/// at once (issue 14), <c>--lease</c> shortens the outbox claim lease (<c>Worker:ClaimLease</c>, and the delivery grace to half
/// of it) so a killed instance's claims end within the run.
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
        var provider = args.Text("--provider") ?? StorageOptions.SqliteProvider;
        var instances = args.Int("--instances", 1);
        var lease = args.Text("--lease") is { } leaseText ? TimeSpan.Parse(leaseText, CultureInfo.InvariantCulture) : (TimeSpan?)null;
        if (provider is not (StorageOptions.SqliteProvider or StorageOptions.LiteDbProvider or StorageOptions.PostgresProvider) || instances is not (1 or 2)
            || (instances == 2 && provider != StorageOptions.PostgresProvider))
        {
            Console.Error.WriteLine("crash: --provider is sqlite, litedb or postgres, --instances 1 or 2; two instances share a PostgreSQL database only");
            return 2;
        }

        var executable = args.Text("--bot") ?? RepoPaths.NetworkBotExecutable;
        if (!args.Has("--no-build") && args.Text("--bot") is null && ScaleCommand.BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("networkbot-crash-");
        using var server = provider == StorageOptions.PostgresProvider && args.Text("--postgres") is null ? StartPostgres() : null;
        if (provider == StorageOptions.PostgresProvider && server is null && args.Text("--postgres") is null)
        {
            return 2;
        }

        var scenario = new CrashScenario(groups, going);
        var signalName = signal == CrashSignal.Kill ? "kill" : "term";
        var command = $"NetworkBot.Bench crash --kills {kills} --signal {signalName} --groups {groups} --going {going} --seed {seed}" +
            (provider == StorageOptions.SqliteProvider ? "" : $" --provider {provider}") + (instances == 1 ? "" : $" --instances {instances}") +
            (lease is { } l ? $" --lease {l:c}" : "");
        Console.Error.WriteLine(command);
        var lines = new List<string>();
        var storage = provider == StorageOptions.PostgresProvider
            ? CrashStorage.Postgres(args.Text("--postgres") ?? server!.ConnectionString)
            : CrashStorage.Embedded(provider, work.FullName);
        var run = new CrashRun(executable, scenario, storage, instances, kills, signal, seed, TimeSpan.FromMinutes(30), line =>
        {
            Console.Error.WriteLine(line);
            lines.Add(line);
        })
        {
            Settings = lease is { } configured ? CrashRun.LeaseSettings(configured) : [],
        };
        var tally = RunToEnd(run, storage, work.FullName);

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

        var name = $"crash-{signalName}" + (provider == StorageOptions.SqliteProvider && instances == 1 ? "" : $"-{provider}-{instances}");
        var report = new BenchReport(name);
        var bots = instances == 1 ? "`networkbot run` (Release apphost)" : $"{instances} `networkbot run` (Release apphost) on one {provider} database, one of them";
        report.Section(
            $"Crash: {bots} stopped {kills} times with {(signal == CrashSignal.Kill ? "SIGKILL" : "SIGTERM")} while it delivers",
            table + $"\n`{command}`. A coffee round of {groups} pairs ({groups * 2} members, due at start; each pair introduced in a " +
            $"private thread) and an event announcement plus its due reminder to {scenario.Going} members (one DM each). " +
            "Expected: one message per outbox row (per member for a DM), known by the nonce the bot sends. Duplicates: posts of " +
            "one nonce beyond the first (real Discord folds a repeat inside its nonce window into the first message; the fake " +
            "counts it). Second threads: threads made beyond one per group (no nonce protects them). Integrity: " +
            "`PRAGMA integrity_check` after every stop, the last one included (on LiteDB: the file and its log opened as the next start " +
            "opens them, the schema version, every document and every index entry read back; on PostgreSQL: the server answers a read of the outbox)." +
            (instances == 1 ? "" : " With two instances the one stopped is the one holding the outbox's claims (the one delivering); it is restarted " +
                "except after the last stop, when the other finishes alone.") +
            $" From the end of a stopped {(instances == 1 ? "bot" : "instance")} to the next post: " +
            $"{Seconds(Median(tally.GapsAfterStops))} median, {Seconds(tally.GapsAfterStops.Count > 0 ? tally.GapsAfterStops.Max() : null)} at most " +
            $"(over the {tally.GapsAfterStops.Count} stops after which something was left to post)." +
            (instances == 1 ? "" : " After the last stop: " +
                $"{tally.PostedAfterLastStop} messages posted, the first {Seconds(tally.FirstPostAfterLastStop)} and the last {Seconds(tally.FinishedAfterLastStop)} " +
                $"after the stopped instance ended (claim lease {(lease is { } shown ? shown.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "10 min, the default")}).") +
            $" Rounds stored: {tally.Rounds}.");
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

        report.Target("one round", tally.Rounds.ToString(CultureInfo.InvariantCulture), tally.Rounds == 1);
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

    private static CrashTally RunToEnd(CrashRun run, CrashStorage storage, string workFolder)
    {
        try
        {
            return run.RunAsync(workFolder, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            storage.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>A throw-away PostgreSQL server from the installed binaries (as the tests start one), or null after saying why not.</summary>
    private static PostgresServer? StartPostgres()
    {
        var availability = PostgresAvailability.Current;
        if (availability.Binaries is null)
        {
            Console.Error.WriteLine($"crash: {availability.Explanation} (or pass --postgres CONNECTION-STRING naming an empty database)");
            return null;
        }

        var server = PostgresServer.StartAsync(availability.Binaries, availability.RunAs, TimeSpan.FromSeconds(60), CancellationToken.None).GetAwaiter().GetResult();
        Console.Error.WriteLine($"throw-away PostgreSQL on 127.0.0.1:{server.Port}, started in {server.StartDuration.TotalMilliseconds:0} ms");
        return server;
    }

    private static TimeSpan? Median(IReadOnlyList<TimeSpan> spans) => spans.Count == 0 ? null : spans.Order().ElementAt(spans.Count / 2);

    private static string Seconds(TimeSpan? span) => span is { } s ? $"{s.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "–";
}
