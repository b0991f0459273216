using System.Diagnostics;
using NetworkBot.Bench.Generation;
using NetworkBot.Bench.Reporting;
using NetworkBot.Core.Pairing;
using NetworkBot.Pairing.Json;

namespace NetworkBot.Bench.Scale;

/// <summary>
/// <c>scale</c>: the real <c>networkbot pair</c> executable (Release) on generated communities of growing size, each
/// run under GNU time; the median of the runs is reported and every output is checked against the contract.
/// </summary>
internal static class ScaleCommand
{
    private const int TargetMembers = 100_000;
    private const double TargetSeconds = 3.0;
    private const double TargetMegabytes = 600;

    public static int Run(BenchArgs args)
    {
        var sizes = args.Ints("--sizes", 1_000, 10_000, TargetMembers);
        var runs = args.Int("--runs", 3);
        if (!args.Has("--no-build") && BuildHost() is { } buildError)
        {
            Console.Error.WriteLine(buildError);
            return 2;
        }

        var report = new BenchReport("scale");
        var table = new MarkdownTable(
            "members", "input", "history groups", "wall median", "wall runs", "CPU median", "peak RSS median", "peak RSS runs", "load avg",
            "groups", "repeat pairs", "cooldown violations", "cross-industry share", "contract");
        var phases = new MarkdownTable("members", "read file", "parse request", "match", "write result", "allocated");
        foreach (var size in sizes)
        {
            var spec = new CommunitySpec(size, Seed: 1);
            var input = Path.Combine(RepoPaths.Data, spec.FileName);
            if (!File.Exists(input))
            {
                GenerateCommand.Write(spec, input);
            }

            if (!PairingJson.TryReadRequest(File.ReadAllText(input), out var request, out var error))
            {
                Console.Error.WriteLine($"scale: the generated input {input} is not a valid request: {error}");
                return 2;
            }

            // Generating and checking the input leave this process a heap of hundreds of megabytes: collected and
            // given back now, so this process's collector does not work beside the first timed run.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var loadBefore = LoadAverage();
            var measured = new List<MeasuredRun>();
            for (var run = 0; run < runs; run++)
            {
                measured.Add(MeasuredRun.Start(RepoPaths.NetworkBotExecutable, "pair", input));
                Console.Error.WriteLine(
                    $"scale: {size} members, run {run + 1}: {measured[^1].WallSeconds:0.00} s, {measured[^1].PeakRssMegabytes:0} MB, exit {measured[^1].ExitCode}");
            }

            var phase = PhaseTimes.Measure(input);
            phases.Add(
                size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                $"{BenchReport.Number(phase.ReadSeconds)} s",
                $"{BenchReport.Number(phase.ParseSeconds)} s",
                $"{BenchReport.Number(phase.MatchSeconds)} s",
                $"{BenchReport.Number(phase.WriteSeconds)} s",
                $"{BenchReport.Number(phase.AllocatedBytes / 1e6, "0")} MB");
            var problems = Check(request, measured);
            var first = measured[0];
            var stats = first.ExitCode == 0 ? ContractCheck.ReadStats(first.Output) : [];
            var wall = Median(measured.Select(run => run.WallSeconds));
            var rss = Median(measured.Select(run => run.PeakRssMegabytes));
            table.Add(
                size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                $"{new FileInfo(input).Length / 1_000_000.0:0.0} MB",
                request.History.Sum(round => round.Groups.Count).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                $"{BenchReport.Number(wall)} s",
                string.Join(" / ", measured.Select(run => BenchReport.Number(run.WallSeconds))),
                $"{BenchReport.Number(Median(measured.Select(run => run.CpuSeconds)))} s",
                $"{BenchReport.Number(rss, "0")} MB",
                string.Join(" / ", measured.Select(run => BenchReport.Number(run.PeakRssMegabytes, "0"))),
                $"{loadBefore} → {LoadAverage()}",
                stats.GetValueOrDefault("groups", "-"),
                stats.GetValueOrDefault("repeatPairs", "-"),
                stats.GetValueOrDefault("cooldownViolations", "-"),
                stats.GetValueOrDefault("crossIndustryShare", "-"),
                problems.Count == 0 ? "holds" : "**broken**: " + string.Join("; ", problems.Take(3)));
            report.Target($"contract holds at {size:N0} members (all {runs} runs, identical outputs; the check refuses corrupted copies)", problems.Count == 0 ? "holds" : problems[0], problems.Count == 0);
            if (size == TargetMembers)
            {
                report.Target($"wall time at {TargetMembers:N0} ≤ {TargetSeconds} s", $"{BenchReport.Number(wall)} s", wall <= TargetSeconds);
                report.Target($"peak RSS at {TargetMembers:N0} ≤ {TargetMegabytes} MB", $"{BenchReport.Number(rss, "0")} MB", rss <= TargetMegabytes);
            }
        }

        report.Section(
            "Scale: `networkbot pair` (Release apphost), file on stdin",
            table + $"\nMedian of {runs} runs under GNU time (`%e` wall seconds, `%U`+`%S` CPU seconds, `%M` peak RSS; MB = 10^6 bytes). " +
            $"Load avg: the 1-minute load average of this machine ({Environment.ProcessorCount} CPUs) before → after the runs; " +
            "wall time is only comparable between runs made at similar load. " +
            "Input: `generate` with seed 1, 26 history rounds, 30 industries, 200 interests, mode cross-industry, " +
            "groupSize 2, cooldownRounds 12. Stats are the engine's own, from the first run's output.");
        report.Section(
            "Where the time goes (in process, one run each, informational)",
            phases + "\nThe verb's steps timed one by one in the benchmark's own process over the same public calls " +
            "(`File.ReadAllText`, `PairingJson.TryReadRequest`, `PairingEngine.Match`, `PairingJson.WriteResult`); " +
            "\"allocated\" is all managed memory allocated across the four, not a peak.");
        return report.Finish();
    }

    private static List<string> Check(PairingRequest request, List<MeasuredRun> runs)
    {
        var failed = runs.FirstOrDefault(run => run.ExitCode != 0);
        if (failed is not null)
        {
            return [$"exit code {failed.ExitCode}: {failed.Error.Trim()}"];
        }

        var (groups, problems) = ContractCheck.Verify(request, runs[0].Output);
        if (problems.Count == 0 && ContractCheck.RefusesCorruptedCopies(request, groups) is { } checkerFault)
        {
            problems.Add($"the contract check itself is broken: {checkerFault}");
        }

        if (runs.Any(run => run.Output != runs[0].Output))
        {
            problems.Add("the same input and seed gave different outputs");
        }

        return problems;
    }

    /// <summary>Builds the <c>networkbot</c> executable (Release) the whole-program benchmarks run; null when it built.</summary>
    internal static string? BuildHost()
    {
        var project = Path.Combine(RepoPaths.Root, "src", "NetworkBot.Host");
        Console.Error.WriteLine($"dotnet build {project} -c Release");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", project, "-c", "Release", "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"building the host failed:\n{output}";
    }

    /// <summary>This machine's 1-minute load average, as /proc/loadavg gives it.</summary>
    internal static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>The middle value (the mean of the two middle ones for an even count).</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
