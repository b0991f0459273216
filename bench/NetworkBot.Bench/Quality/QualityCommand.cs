using NetworkBot.Bench.Generation;
using NetworkBot.Bench.Reporting;
using NetworkBot.Core.Pairing;
using NetworkBot.Pairing.Json;

namespace NetworkBot.Bench.Quality;

/// <summary>
/// <c>quality</c>: one round of pairs without history, each mode's criterion against the exact optimum for that
/// criterion alone (a maximum-weight perfect matching), per seed.
/// </summary>
internal static class QualityCommand
{
    private const double TargetRatio = 0.99;
    private const int BruteForceInstances = 500;

    private static readonly Criterion[] Criteria =
    [
        new("cross-industry share", PairingMode.CrossIndustry, (a, b) => a.Industry == b.Industry ? 0 : 1, IsTarget: true),
        new("mean shared interests per pair", PairingMode.SharedInterest, Shared, IsTarget: true),
        new("share of pairs sharing ≥ 1 interest", PairingMode.SharedInterest, (a, b) => Shared(a, b) > 0 ? 1 : 0, IsTarget: false),
    ];

    public static int Run(BenchArgs args)
    {
        var count = args.Int("--members", 200);
        var seeds = args.Int("--seeds", 5);
        var report = new BenchReport("quality");
        var (checkedCount, disagreement) = BruteForceMatching.CheckExactMatcher(BruteForceInstances, seed: 42);
        report.Target(
            $"exact matcher equals brute force on {BruteForceInstances} random complete graphs of 2–10 vertices",
            disagreement ?? $"{checkedCount} of {checkedCount} agree",
            disagreement is null);

        var table = new MarkdownTable("criterion (mode)", "seed", "engine", "optimum", "engine / optimum");
        var notes = new List<string>();
        var worst = Criteria.ToDictionary(criterion => criterion.Name, _ => double.MaxValue);
        foreach (var criterion in Criteria)
        {
            for (var seed = 1; seed <= seeds; seed++)
            {
                var members = CommunityGenerator.MakeMembers(new CommunitySpec(count, Seed: seed))
                    .Select(member => member with { Blocked = [] })
                    .ToArray();
                var engine = EngineScore(members, criterion, seed);
                var optimum = OptimumScore(members, criterion);
                var ratio = optimum == 0 ? 1 : engine / optimum;
                worst[criterion.Name] = Math.Min(worst[criterion.Name], ratio);
                table.Add(
                    $"{criterion.Name} ({criterion.Mode.ToName()})",
                    seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    BenchReport.Number(engine, "0.0000"),
                    BenchReport.Number(optimum, "0.0000"),
                    BenchReport.Share(ratio));
            }

            var measured = $"worst seed {BenchReport.Share(worst[criterion.Name])}";
            if (criterion.IsTarget)
            {
                report.Target($"{criterion.Name} ≥ {TargetRatio:0%} of optimum (every seed)", measured, worst[criterion.Name] >= TargetRatio);
            }
            else
            {
                notes.Add($"Not a target: {criterion.Name}: {measured} of optimum.");
            }
        }

        report.Section(
            $"Quality: {count} members, pairs, no history, no blocks",
            table + "\nEngine: `PairingEngine.Match` in process, one round, seed = the community's seed. Optimum: exact " +
            "maximum-weight perfect matching where a pair weighs what the criterion counts (1 for a cross-industry pair; " +
            "the number of shared interests; 1 for sharing any interest), divided by the number of pairs. " +
            "The last criterion is what shared-interest mode itself prefers, shown for context.");
        notes.ForEach(report.Note);
        return report.Finish();
    }

    private static double EngineScore(SyntheticMember[] members, Criterion criterion, int seed)
    {
        var request = new PairingRequest(2, seed, criterion.Mode, PairingJson.DefaultCooldownRounds, members.Select(m => m.ToPairingMember()).ToArray(), []);
        if (new PairingEngine().Match(request) is not PairingOutcome.Success success)
        {
            throw new InvalidOperationException($"The engine could not pair the quality community of seed {seed}.");
        }

        var byId = members.ToDictionary(member => member.Id, StringComparer.Ordinal);
        var pairs = 0;
        var total = 0L;
        foreach (var group in success.Result.Groups)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    pairs++;
                    total += criterion.Weight(byId[group[i].Value], byId[group[j].Value]);
                }
            }
        }

        return (double)total / pairs;
    }

    private static double OptimumScore(SyntheticMember[] members, Criterion criterion)
    {
        var mate = CompleteGraphMatching.Solve(members.Length, (i, j) => criterion.Weight(members[i], members[j]));
        var pairs = Enumerable.Range(0, members.Length).Where(v => v < mate[v]).ToArray();
        return (double)pairs.Sum(v => criterion.Weight(members[v], members[mate[v]])) / pairs.Length;
    }

    private static long Shared(SyntheticMember a, SyntheticMember b) => a.Interests.Intersect(b.Interests, StringComparer.Ordinal).Count();

    private sealed record Criterion(string Name, PairingMode Mode, Func<SyntheticMember, SyntheticMember, long> Weight, bool IsTarget);
}
