using System.Globalization;
using NetworkBot.Bench.Generation;
using NetworkBot.Bench.Reporting;

namespace NetworkBot.Bench.Rotation;

/// <summary>
/// <c>rotation</c>: a stable membership of N paired for N−1 rounds (a full cycle, in which a perfect schedule never
/// repeats a pair), each round fed back as history; the engine beside two baselines, over several seeds.
/// </summary>
internal static class RotationCommand
{
    private static readonly Dictionary<int, double> RepeatShareTargets = new() { [20] = 0.005, [60] = 0.001 };

    public static int Run(BenchArgs args)
    {
        var sizes = args.Ints("--sizes", 20, 21, 60, 200);
        var seeds = args.Int("--seeds", 5);
        var report = new BenchReport("rotation");
        var table = new MarkdownTable(
            "N", "rounds", "method", "clean rounds before first repeat (worst seed)", "repeat pairs (mean)", "fewest possible", "pairs per cycle",
            "repeat share (mean)", "repeat share (worst seed)");
        foreach (var count in sizes)
        {
            var rounds = count - 1;
            var scores = new Dictionary<string, List<RotationScore>>(StringComparer.Ordinal);
            for (var seed = 1; seed <= seeds; seed++)
            {
                var members = CommunityGenerator.MakeMembers(new CommunitySpec(count, Seed: seed))
                    .Select(member => (member with { Blocked = [] }).ToPairingMember())
                    .ToArray();
                IRotationStrategy[] strategies =
                [
                    new EngineRotation(members, seed),
                    new ShuffleRotation(count, seed),
                    new GreedyNeverMetRotation(count, seed),
                ];
                foreach (var strategy in strategies)
                {
                    var history = new List<int[][]>(rounds);
                    while (history.Count < rounds)
                    {
                        history.Add(strategy.NextRound(history));
                    }

                    scores.TryAdd(strategy.Name, []);
                    scores[strategy.Name].Add(RotationScore.Of(count, history));
                }
            }

            foreach (var (method, runs) in scores)
            {
                table.Add(
                    count.ToString(CultureInfo.InvariantCulture),
                    rounds.ToString(CultureInfo.InvariantCulture),
                    method,
                    runs.Min(run => run.CleanRoundsBeforeFirstRepeat).ToString(CultureInfo.InvariantCulture),
                    BenchReport.Number(runs.Average(run => run.RepeatPairs), "0.0"),
                    Math.Max(0, runs[0].Pairs - (count * (count - 1) / 2)).ToString(CultureInfo.InvariantCulture),
                    runs[0].Pairs.ToString(CultureInfo.InvariantCulture),
                    BenchReport.Share(runs.Average(run => run.RepeatShare)),
                    BenchReport.Share(runs.Max(run => run.RepeatShare)));
            }

            AddTargets(report, count, scores["engine"]);
        }

        report.Section(
            $"Rotation: stable membership, pairs, random mode, cooldownRounds = N, N−1 rounds, {seeds} seeds",
            table + "\nA repeat pair is a pair that already shared a group earlier in the cycle (for odd N the trio " +
            "counts its three pairs, so a cycle forms more pairs than exist and some repeats are unavoidable; " +
            "\"fewest possible\" is pairs per cycle − N(N−1)/2, or 0 when N is even, where a round-robin schedule has none). " +
            "\"Clean rounds\" counts the rounds before the first one that holds a repeat " +
            "(N−1 means none at all). Engine seed of round r = seed × 1000 + r; baselines draw from the same seed.");
        return report.Finish();
    }

    private static void AddTargets(BenchReport report, int count, List<RotationScore> engine)
    {
        if (count % 2 == 0)
        {
            var half = (count - 1) / 2;
            var clean = engine.Min(run => run.CleanRoundsBeforeFirstRepeat);
            report.Target(
                $"N = {count}: no repeat in the first half of the cycle (≥ {half} clean rounds, every seed)",
                $"{clean} clean rounds (worst seed)",
                clean >= half);
        }

        if (RepeatShareTargets.TryGetValue(count, out var limit))
        {
            var worst = engine.Max(run => run.RepeatShare);
            report.Target(
                $"N = {count}: full-cycle repeat share ≤ {BenchReport.Share(limit)} (every seed)",
                $"{BenchReport.Share(worst)} (worst seed)",
                worst <= limit);
        }
    }
}
