using System.Globalization;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;
using NetworkBot.Bench.Storage;

namespace NetworkBot.Bench.Soak;

/// <summary>
/// <c>soak</c>: a million of the bot's everyday store calls on each embedded provider (issue 15, item 5), to show what a
/// long run does that a short benchmark cannot: whether memory stays flat, whether the log the engine writes beside
/// the data file stays bounded (LiteDB's checkpoints, SQLite's WAL checkpoints), and how fast the calls go as the files
/// grow. Targets: no call fails, memory flat, log bounded.
/// </summary>
internal static class SoakCommand
{
    public static int Run(BenchArgs args) => RunAsync(args, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var options = new SoakOptions(
            Operations: args.Long("--ops", 1_000_000),
            Samples: args.Int("--samples", 20),
            Callers: args.Int("--callers", 8),
            Communities: args.Int("--communities", 20),
            Members: args.Int("--members", 500),
            Capacity: args.Int("--capacity", 200),
            CheckpointInterval: TimeSpan.Parse(args.Text("--checkpoint-interval") ?? "00:01:00", CultureInfo.InvariantCulture),
            Longest: TimeSpan.Parse(args.Text("--longest") ?? "1.00:00:00", CultureInfo.InvariantCulture));
        var only = args.Text("--providers")?.Split(',') ?? ["sqlite", "litedb"];
        var command = $"NetworkBot.Bench soak --ops {options.Operations} --samples {options.Samples} --callers {options.Callers} --communities {options.Communities} " +
            $"--members {options.Members} --capacity {options.Capacity} --checkpoint-interval {options.CheckpointInterval:c} --longest {options.Longest:c} --providers {string.Join(',', only)}";
        Console.Error.WriteLine(command);

        var report = new BenchReport("soak");
        var loadBefore = ScaleCommand.LoadAverage();
        var summary = new MarkdownTable(
            "provider", "calls", "seconds", "calls/s", "calls/s first → last tenth", "failed", "managed heap start → middle → end",
            "working set start → middle → end", "data file start → end", "log file largest (first half / second half), end");
        var details = new List<(string Provider, MarkdownTable Samples, MarkdownTable Kinds)>();
        var descriptions = new List<string>();
        foreach (var name in only)
        {
            await using EmbeddedBenchProvider provider = name switch
            {
                "sqlite" => new SqliteBenchProvider(),
                "litedb" => new LiteDbBenchProvider(),
                _ => throw new ArgumentException($"soak runs on the embedded providers (sqlite, litedb), not '{name}'.", nameof(args)),
            };
            descriptions.Add($"{provider.Name}: {provider.Description}.");
            var result = await new SoakRun(provider, options).RunAsync(ct);
            var (first, last) = result.FirstAndLastRates;
            var half = result.Samples.Count / 2;
            summary.Add(
                provider.Name, Count(result.End.Operations), Count(result.End.Elapsed.TotalSeconds), Count(result.OperationsPerSecond), $"{Count(first)} → {Count(last)}",
                result.Failed == 0 ? "0" : $"**{Count(result.Failed)}** ({string.Join("; ", result.Failures.Select(f => $"{f.Value} × {f.Key}"))})",
                $"{Megabytes(result.Start.ManagedBytes)} → {Megabytes(result.Middle.ManagedBytes)} → {Megabytes(result.End.ManagedBytes)}",
                $"{Megabytes(result.Start.WorkingSetBytes)} → {Megabytes(result.Middle.WorkingSetBytes)} → {Megabytes(result.End.WorkingSetBytes)}",
                $"{Megabytes(result.Start.DataFileBytes)} → {Megabytes(result.End.DataFileBytes)}",
                $"{Megabytes(result.Samples.Take(half + 1).Max(s => s.LogFileBytes))} / {Megabytes(result.Samples.Skip(half + 1).Max(s => s.LogFileBytes))}, {Megabytes(result.End.LogFileBytes)}");
            var samples = new MarkdownTable("calls", "seconds", "calls/s since the last sample", "managed heap", "working set", "data file", "log file");
            foreach (var (previous, sample) in result.Samples.Zip(result.Samples.Skip(1)).Prepend((result.Start, result.Start)))
            {
                samples.Add(
                    Count(sample.Operations), Count(sample.Elapsed.TotalSeconds), sample == previous ? "-" : Count(SoakResult.Rate(previous, sample)),
                    Megabytes(sample.ManagedBytes), Megabytes(sample.WorkingSetBytes), Megabytes(sample.DataFileBytes), Megabytes(sample.LogFileBytes));
            }

            var kinds = new MarkdownTable("call", "calls", "mean time");
            foreach (var (kind, calls, mean) in result.Kinds)
            {
                kinds.Add(kind, Count(calls), $"{mean.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture)} ms");
            }

            details.Add((provider.Name, samples, kinds));
            report.Target(
                $"{provider.Name}: all {Count(options.Operations)} calls made within {options.Longest:c}",
                $"{Count(result.End.Operations)} in {Count(result.End.Elapsed.TotalSeconds)} s", result.End.Operations >= options.Operations);
            report.Target($"{provider.Name}: no store call failed", Count(result.Failed), result.Failed == 0);
            report.Target(
                $"{provider.Name}: memory flat (end within 20% + 16 MB of the middle, after a full GC)",
                $"heap {Megabytes(result.Middle.ManagedBytes)} → {Megabytes(result.End.ManagedBytes)}, working set {Megabytes(result.Middle.WorkingSetBytes)} → {Megabytes(result.End.WorkingSetBytes)}",
                result.MemoryFlat);
            report.Target(
                $"{provider.Name}: log file bounded (second half never 10% + 1 MB above the first half's largest)",
                $"largest {Megabytes(result.Samples.Take(half + 1).Max(s => s.LogFileBytes))} / {Megabytes(result.Samples.Skip(half + 1).Max(s => s.LogFileBytes))}",
                result.LogBounded);
        }

        report.Note(
            $"`{command}`, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, load average {loadBefore} before → {ScaleCommand.LoadAverage()} after. " +
            string.Join(" ", descriptions));
        report.Section(
            $"Up to {Count(options.Operations)} store calls per provider",
            summary + $"\n{options.Callers} concurrent callers through the real `IStore` over {options.Communities} communities of {Count(options.Members)} members, " +
            $"each with one event of capacity {options.Capacity}. A run stops after {options.Longest:c} if not done. The mix: 20% member saves (a profile edit), 15% RSVPs (going, not going, maybe " +
            "in turn; the waitlist and promotion notices into the outbox), 15% outbox messages enqueued, 10% claims of up to 10 due messages each then marked delivered one by one " +
            "(each counted as a call), 25% member reads, 5% answer lists, 5% backlog reads, 4% community reads, 1% member lists. Memory after a full GC. " +
            "Delivered messages stay in the outbox as history (neither store prunes them), so the data file grows with them; the log should not. " +
            $"LiteDB: the bot's `LiteDbCheckpointService` runs every {options.CheckpointInterval:c} (run's default is 5 minutes), besides LiteDB's own at 1,000 log pages; " +
            "SQLite: its automatic WAL checkpoints at 1,000 pages.");
        foreach (var (provider, samples, kinds) in details)
        {
            report.Section($"{provider}: samples", samples.ToString());
            report.Section($"{provider}: time per kind of call", kinds + "\nFrom the call to its return, waiting for the writer included; a claim's time includes marking its messages delivered.");
        }

        return report.Finish();
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
