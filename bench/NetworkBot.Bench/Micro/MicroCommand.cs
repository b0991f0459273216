using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NetworkBot.Bench.Reporting;

namespace NetworkBot.Bench.Micro;

/// <summary>
/// <c>micro</c>: BenchmarkDotNet over <see cref="MatchBenchmarks"/>. Runs in process, because the toolchain that
/// builds a separate project would inherit this repository's warnings-as-errors build settings.
/// </summary>
internal static class MicroCommand
{
    public static int Run(BenchArgs args)
    {
        // Without a filter BenchmarkDotNet asks on the console which benchmark to run; a script cannot answer.
        string[] arguments = args.Has("--filter") ? args.Raw : [.. args.Raw, "--filter", "*"];
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15);
        var config = DefaultConfig.Instance.AddJob(job);
        var summaries = BenchmarkSwitcher.FromTypes([typeof(MatchBenchmarks)]).Run(arguments, config).ToArray();
        var report = new BenchReport("micro");
        var table = new MarkdownTable("benchmark", "members", "mean", "std dev", "allocated per op");
        foreach (var run in summaries.SelectMany(summary => summary.Reports))
        {
            var statistics = run.ResultStatistics;
            var allocated = run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase);
            table.Add(
                run.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                run.BenchmarkCase.Parameters["Members"]?.ToString() ?? "-",
                statistics is null ? "failed" : $"{BenchReport.Number(statistics.Mean / 1e6, "0.00")} ms",
                statistics is null ? "-" : $"{BenchReport.Number(statistics.StandardDeviation / 1e6, "0.00")} ms",
                allocated is null ? "-" : $"{BenchReport.Number(allocated.Value / 1e6, "0.0")} MB");
        }

        report.Section(
            "Micro: `PairingEngine.Match` (BenchmarkDotNet 0.14.0, in-process emit toolchain, 3 warm-up + 15 iterations)",
            table + "\nInput: `generate` with seed 1, 26 history rounds, mode cross-industry, groupSize 2, cooldownRounds 12.");
        var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(run => !run.Success));
        report.Target("every benchmark ran", failed ? "a benchmark failed" : "all ran", !failed);
        return report.Finish();
    }
}
