using System.Diagnostics;
using System.Globalization;
using NetworkBot.Bench.Generation;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Scale;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Host.Hosting;

namespace NetworkBot.Bench.Asks;

/// <summary>
/// <c>asks</c>: how well <see cref="LuceneAskMatcher"/> ranks the labelled requests over the demo community — the development
/// set (bench/labels/ask-labels.json), the held-out set written before the glossary (ask-labels-heldout.json), the test set
/// written blind before the second round of changes (ask-labels-test.json), the final set written blind before the katakana fix
/// (ask-labels-final.json) and the blind set written before the glossary's situation words and measured once after them
/// (ask-labels-blind.json), each checked against the target — how well a new offer finds the open asks it answers, and how long one ranking takes at the demo's size
/// and at 10,000 members.
/// </summary>
internal static class AsksCommand
{
    private const double TargetTop3 = 0.90;
    private const int Take = 3;

    /// <summary>How many members <c>/ask</c> ranks first (<see cref="AskSteps.RankAsync"/>).</summary>
    private const int FirstReading = AskSteps.CandidatesPerAsk * AskSteps.RankingReserve;
    private const string Overall = "overall";

    private static readonly double[] Thresholds = [0.2, 0.25, 1.0 / 3, 0.4, 0.5, 0.6, 2.0 / 3, 0.75, 1.0];

    public static int Run(BenchArgs args)
    {
        var large = args.Int("--members", 10_000);
        var timedLarge = args.Int("--large-requests", 20);
        var glossary = args.Has("--no-glossary") ? AskGlossary.None : AskGlossaryFile.Load(Path.Combine(RepoPaths.Root, "config", "ask-glossary.json"));
        var matcher = new LuceneAskMatcher(glossary);
        var report = new BenchReport("asks");
        report.Note($"Glossary: {(glossary.Count == 0 ? "none" : $"config/ask-glossary.json, {Count(glossary.Count)} groups")}.");
        var loadBefore = ScaleCommand.LoadAverage();

        var development = AskLabelSet.Load(AskLabelSet.DevelopmentPath);
        foreach (var (name, set) in new[]
        {
            ("development", development), ("held-out", AskLabelSet.Load(AskLabelSet.HeldOutPath)), ("test", AskLabelSet.Load(AskLabelSet.TestPath)),
            ("final", AskLabelSet.Load(AskLabelSet.FinalPath)), ("blind", AskLabelSet.Load(AskLabelSet.BlindPath)),
        })
        {
            var top3 = Ranking(name, set, matcher, report);
            report.Target($"{name} set: right member in the top {Take} ≥ {TargetTop3:0%} ({set.Labels.Count} labelled requests)", BenchReport.Share(top3), top3 >= TargetTop3);
            Proposals(name, set, matcher, report);
        }

        Timing(development, matcher, large, timedLarge, report);
        report.Note($"Load average (1 minute): {loadBefore} before → {ScaleCommand.LoadAverage()} after; 2 cores shared.");
        return report.Finish();
    }

    /// <summary>Ranks every request of the <paramref name="name"/> set over all demo members but its asker; returns the overall top-3 hit rate.</summary>
    private static double Ranking(string name, AskLabelSet set, LuceneAskMatcher matcher, BenchReport report)
    {
        var tally = new Dictionary<string, (int Requests, int Top1, int Top3, int NoSharedTerm)>(StringComparer.Ordinal);
        var misses = new MarkdownTable("lang", "request", "shares a term with a right offer", "ranked first (its offer quoted)", "right members");
        foreach (var label in set.Labels)
        {
            var asker = Asker(set, label);
            var ranked = matcher.Rank(label.Request, [.. set.Members.Where(member => member.Id != asker)], Take);
            var right = ranked.Select(match => label.Members.Contains(match.Member.Value, StringComparer.Ordinal)).ToArray();
            var noSharedTerm = label.Offers.All(offer => AskMatcherAnalysis.Coverage("offers", offer, label.Request) == 0);
            foreach (var key in new[] { label.Language, Overall })
            {
                var (requests, top1, top3, none) = tally.GetValueOrDefault(key);
                tally[key] = (requests + 1, top1 + (right.FirstOrDefault() ? 1 : 0), top3 + (right.Any(hit => hit) ? 1 : 0), none + (noSharedTerm ? 1 : 0));
            }

            if (!right.Any(hit => hit))
            {
                misses.Add(
                    label.Language,
                    label.Request,
                    noSharedTerm ? "no" : "yes",
                    ranked.Count == 0 ? "nobody" : $"{ranked[0].Member} ({ranked[0].Offer ?? "pitch only"})",
                    $"{label.Members.Length}: offering {string.Join(" / ", label.Offers)}");
            }
        }

        var table = new MarkdownTable("language", "requests", "top-1", $"top-{Take}", "share no term with a right offer");
        foreach (var (language, (requests, top1, top3, none)) in tally.OrderBy(entry => entry.Key == Overall))
        {
            table.Add(language, Count(requests), BenchReport.Share((double)top1 / requests), BenchReport.Share((double)top3 / requests), Count(none));
        }

        report.Section(
            $"Ranking the {name} set's /ask requests over the demo community ({set.Members.Count} members)",
            table + "\nA hit: one of the request's right members (every demo member offering an answering offer, in either language) " +
            $"ranked first (top-1) or among the first {Take}. \"Share no term\": the request and every right offer have no term in " +
            "common after analysis (CJK bigrams, English stems), so only role, industry, interests or pitch can find them.");
        report.Section($"Misses of the {name} set (no right member in the top {Take})", misses.ToString());
        var overall = tally[Overall];
        return (double)overall.Top3 / overall.Requests;
    }

    /// <summary>
    /// Every distinct demo offer checked as a new <c>/offer</c> against all the <paramref name="name"/> set's requests as open asks: how the share of an
    /// offer's terms found in an ask spreads over right and wrong pairs, and what <see cref="LuceneAskMatcher.AnsweredBy"/> proposes.
    /// </summary>
    private static void Proposals(string name, AskLabelSet set, LuceneAskMatcher matcher, BenchReport report)
    {
        var asks = set.Labels.Select((label, at) => new Ask(
            new CommunityId("bench"), new AskId($"a{at}"), new MemberId("asker"), label.Request, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(14), AskStatus.Open, [])).ToArray();
        var offers = set.Members.SelectMany(member => member.Profile.Offers).Distinct(StringComparer.Ordinal).ToArray();
        var right = new List<double>();
        var wrong = new List<double>();
        var (proposedRight, proposedWrong) = (0, 0);
        foreach (var offer in offers)
        {
            var answers = set.Labels.Select(label => label.Offers.Contains(offer, StringComparer.Ordinal)).ToArray();
            for (var at = 0; at < asks.Length; at++)
            {
                (answers[at] ? right : wrong).Add(matcher.Coverage(offer, asks[at].Request));
            }

            foreach (var proposed in matcher.AnsweredBy(offer, asks))
            {
                _ = answers[Array.IndexOf(asks, proposed)] ? proposedRight++ : proposedWrong++;
            }
        }

        var table = new MarkdownTable("share of the offer's terms in the ask ≥", "right pairs proposed", "wrong pairs proposed");
        foreach (var threshold in Thresholds)
        {
            table.Add(
                BenchReport.Number(threshold),
                $"{right.Count(share => share >= threshold - 1e-9)} of {right.Count}",
                $"{wrong.Count(share => share >= threshold - 1e-9)} of {wrong.Count}");
        }

        report.Section(
            $"A new /offer against the {name} set's requests as open asks ({offers.Length} demo offers × {asks.Length} requests)",
            table + $"\nRight pairs: the ask's label lists the offer. Lowest share among right pairs that share anything: " +
            $"{BenchReport.Number(right.Where(share => share > 0).DefaultIfEmpty(0).Min())}; right pairs sharing nothing: {right.Count(share => share == 0)} " +
            $"(mostly the other language). `AnsweredBy` at {BenchReport.Number(LuceneAskMatcher.AnswerThreshold)}: " +
            $"{proposedRight} right and {proposedWrong} wrong proposals.");
    }

    private static void Timing(AskLabelSet set, LuceneAskMatcher matcher, int large, int timedLarge, BenchReport report)
    {
        var requests = set.Labels.Select(label => label.Request).ToArray();
        var synthetic = Synthetic(set, large);
        var table = new MarkdownTable("members", "take", "rankings", "mean ms", "max ms");
        var timed = Math.Min(timedLarge, requests.Length);
        foreach (var (members, take, count) in new[]
        {
            (set.Members, FirstReading, requests.Length), (set.Members, set.Members.Count, requests.Length), (synthetic, FirstReading, timed), (synthetic, synthetic.Length, timed),
        })
        {
            matcher.Rank(requests[0], members, take);
            var times = new List<double>();
            for (var at = 0; at < count; at++)
            {
                var watch = Stopwatch.StartNew();
                matcher.Rank(requests[at * requests.Length / count], members, take);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            table.Add(Count(members.Count), take == FirstReading ? Count(take) : "all", Count(count), BenchReport.Number(times.Average(), "0.0"), BenchReport.Number(times.Max(), "0.0"));
        }

        report.Section(
            "Time per ranking (one Rank call: index built in memory, searched, disposed)",
            table + $"\nThe {Count(synthetic.Length)} members: the generator's members (`CommunitySpec({Count(synthetic.Length)})`: Zipf industries, interests and " +
            "offers) each carrying a demo member's pitch, role and offers in turn, so every profile has the demo's length and both languages. " +
            $"After one warm-up call per size; requests spread over the labelled set. Take {FirstReading}: what `/ask` reads first " +
            $"({AskSteps.CandidatesPerAsk} candidates × {AskSteps.RankingReserve}, skipping those asked too often this week); it reads " +
            $"{AskSteps.RankingReserve} times further only when too many of them were. Take \"all\": every member that matches, with what of theirs matched.");
    }

    /// <summary>The asker of a label: the first demo member writing in its language who is not one of its right members.</summary>
    private static MemberId Asker(AskLabelSet set, AskLabel label) => set.Members
        .First(member => member.Profile.Language?.ToCode() == label.Language && !label.Members.Contains(member.Id.Value, StringComparer.Ordinal))
        .Id;

    private static Member[] Synthetic(AskLabelSet set, int count) =>
        [.. CommunityGenerator.MakeMembers(new CommunitySpec(count)).Select((generated, at) =>
        {
            var demo = set.Members[at % set.Members.Count];
            return demo with
            {
                Id = new MemberId(generated.Id),
                Profile = demo.Profile with { Industry = generated.Industry, Interests = generated.Interests, Offers = [.. demo.Profile.Offers, .. generated.Offers] },
            };
        })];

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
