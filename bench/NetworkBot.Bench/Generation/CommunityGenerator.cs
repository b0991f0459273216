using System.Diagnostics;
using System.Globalization;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Generation;

/// <summary>
/// Makes a community that looks like a real one: Zipf-popular industries and interests, a few offers and seeks from
/// a shared list, time zones mostly in one region, about 1% of members with one block, and a history that the engine
/// itself paired round after round.
/// </summary>
internal static class CommunityGenerator
{
    private const double BlockingShare = 0.01;
    private const double SpreadTimeZoneShare = 0.15;

    private static readonly string[] IndustryNames =
    [
        "software", "finance", "consulting", "manufacturing", "healthcare", "education", "retail", "media",
        "government", "logistics", "real-estate", "energy", "telecom", "automotive", "insurance", "legal",
        "hospitality", "construction", "agriculture", "pharma", "gaming", "design", "marketing", "nonprofit",
        "research", "aerospace", "fashion", "food", "sports", "biotech",
    ];

    private static readonly string[] Purposes =
    [
        "mentoring", "hiring", "job-search", "fundraising", "customer-intro", "co-founder", "career-advice",
        "code-review", "speaking", "partnerships", "design-feedback", "marketing-help", "legal-advice",
        "investing", "study-group", "english-practice", "japanese-practice", "side-project", "product-feedback",
        "event-organising",
    ];

    /// <summary>Where most members live; the spread zones are the rest of the world.</summary>
    private static readonly (string Zone, int Weight)[] RegionZones =
        [("Asia/Tokyo", 80), ("Asia/Seoul", 6), ("Asia/Shanghai", 5), ("Asia/Taipei", 4), ("Asia/Singapore", 5)];

    private static readonly string[] SpreadZones =
    [
        "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Los_Angeles",
        "America/Sao_Paulo", "Australia/Sydney", "Pacific/Auckland", "Asia/Kolkata", "Asia/Bangkok",
    ];

    public static SyntheticCommunity Generate(CommunitySpec spec, TextWriter? progress = null)
    {
        var members = MakeMembers(spec);
        var history = new List<PairingHistoryRound>(spec.Rounds);
        var engine = new PairingEngine();
        var pairingMembers = members.Select(member => member.ToPairingMember()).ToArray();
        for (var round = 0; round < spec.Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var request = new PairingRequest(
                spec.GroupSize, HistorySeed(spec, round), spec.Mode, spec.CooldownRounds, pairingMembers, history.ToArray());
            var result = engine.Match(request) switch
            {
                PairingOutcome.Success success => success.Result,
                PairingOutcome.Failure failure => throw new InvalidOperationException($"History round {round + 1}: {failure.Message}"),
                _ => throw new InvalidOperationException("Unknown pairing outcome."),
            };
            history.Add(new PairingHistoryRound(result.Groups));
            progress?.WriteLine(
                $"  history round {round + 1}/{spec.Rounds}: {result.Groups.Count} groups in {watch.Elapsed.TotalSeconds:0.00} s " +
                $"(repeats {result.Stats.RepeatPairs}, cooldown violations {result.Stats.CooldownViolations})");
        }

        return new SyntheticCommunity(spec, members, history);
    }

    public static SyntheticMember[] MakeMembers(CommunitySpec spec)
    {
        // A seeded System.Random keeps its algorithm fixed across runtimes, so a seed names one community for good.
        var random = new Random(checked((int)spec.Seed));
        var industries = new ZipfSampler(spec.Industries, 1.0);
        var interests = new ZipfSampler(spec.Interests, 1.0);
        var purposes = new ZipfSampler(Purposes.Length, 0.8);
        var ids = MakeIds(spec.Members, random);
        var members = new SyntheticMember[spec.Members];
        for (var i = 0; i < spec.Members; i++)
        {
            members[i] = new SyntheticMember(
                ids[i],
                IndustryName(industries.Next(random)),
                interests.Distinct(random, 2 + random.Next(5)).Select(InterestName).ToArray(),
                purposes.Distinct(random, random.Next(3)).Select(rank => Purposes[rank]).ToArray(),
                purposes.Distinct(random, random.Next(3)).Select(rank => Purposes[rank]).ToArray(),
                PickTimeZone(random),
                random.NextDouble() < BlockingShare ? [ids[OtherThan(i, spec.Members, random)]] : []);
        }

        return members;
    }

    private static long HistorySeed(CommunitySpec spec, int round) => (spec.Seed * 1_000) + round + 1;

    /// <summary>Snowflake-like ids (18–19 digits, unique, unordered), as Discord and Slack ids are long strings.</summary>
    private static string[] MakeIds(int count, Random random)
    {
        const long firstSnowflake = 1_100_000_000_000_000_000;
        const int spacing = 1 << 22;
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (firstSnowflake + ((long)i * spacing) + random.Next(spacing)).ToString(CultureInfo.InvariantCulture);
        }

        random.Shuffle(ids.AsSpan());
        return ids;
    }

    private static string IndustryName(int rank) =>
        rank < IndustryNames.Length ? IndustryNames[rank] : $"industry-{rank + 1}";

    private static string InterestName(int rank) => $"interest-{rank + 1:000}";

    private static string PickTimeZone(Random random)
    {
        if (random.NextDouble() < SpreadTimeZoneShare)
        {
            return SpreadZones[random.Next(SpreadZones.Length)];
        }

        var point = random.Next(RegionZones.Sum(zone => zone.Weight));
        foreach (var (zone, weight) in RegionZones)
        {
            if (point < weight)
            {
                return zone;
            }

            point -= weight;
        }

        return RegionZones[0].Zone;
    }

    private static int OtherThan(int member, int count, Random random)
    {
        var other = random.Next(count - 1);
        return other >= member ? other + 1 : other;
    }
}
