using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using static NetworkBot.Core.Tests.Pairing.RoundBuilder;

namespace NetworkBot.Core.Tests.Pairing;

/// <summary>What the engine prefers beyond avoiding repeats: the mode, offers meeting seeks, working hours, the industry ban.</summary>
public sealed class PairingPreferenceTests
{
    private static readonly long[] Seeds = [.. Enumerable.Range(0, 10).Select(i => (long)i * 7_919)];

    [Fact]
    public void An_offer_meets_a_seek_in_either_direction_and_case_does_not_matter()
    {
        var members = new[]
        {
            Member("u1") with { Offers = ["Mentoring"] }, Member("u2") with { Seeks = ["hiring"] },
            Member("u3") with { Seeks = ["mentoring "] }, Member("u4") with { Offers = ["HIRING"] },
        };

        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(members, seed: seed));

            Assert.Equal([["u1", "u3"], ["u2", "u4"]], Ids(result));
            Assert.Equal(2, result.Stats.OfferSeekMatches);
        }
    }

    [Fact]
    public void Members_are_paired_within_shared_working_hours()
    {
        string[] zones = ["Asia/Tokyo", "Europe/London", "America/New_York", "Asia/Tokyo", "Europe/London", "America/New_York"];
        var members = zones.Select((zone, i) => Member($"u{i + 1}") with { TimeZone = zone }).ToArray();

        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(members, seed: seed));

            Assert.Equal([["u1", "u4"], ["u2", "u5"], ["u3", "u6"]], Ids(result));
            Assert.Equal(9.0, result.Stats.MeanWorkingHoursOverlap);
        }
    }

    [Fact]
    public void Working_hours_follow_daylight_saving_at_the_reference_time()
    {
        // London and New York are five hours apart all year, London and Tokyo eight in summer and nine in winter.
        var members = new[] { Member("u1") with { TimeZone = "Europe/London" }, Member("u2") with { TimeZone = "Asia/Tokyo" } };

        var winter = Succeeds(Request(members) with { ReferenceTime = new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero) });
        var summer = Succeeds(Request(members) with { ReferenceTime = new DateTimeOffset(2025, 7, 7, 12, 0, 0, TimeSpan.Zero) });

        Assert.Equal(0.0, winter.Stats.MeanWorkingHoursOverlap);
        Assert.Equal(1.0, summer.Stats.MeanWorkingHoursOverlap);
    }

    [Fact]
    public void Unknown_time_zones_count_for_no_overlap_statistics()
    {
        var members = new[] { Member("u1") with { TimeZone = "Mars/Olympus_Mons" }, Member("u2") with { TimeZone = "Asia/Tokyo" } };

        Assert.Null(Succeeds(Request(members)).Stats.MeanWorkingHoursOverlap);
    }

    [Fact]
    public void The_same_industry_ban_keeps_industries_apart_where_a_grouping_can()
    {
        var members = new[] { Member("u1", "finance"), Member("u2", "finance"), Member("u3", "tech"), Member("u4", "tech") };
        var request = Request(members, mode: PairingMode.CrossIndustry, history: [Past(["u1", "u3"], ["u2", "u4"])]) with
        {
            SameIndustryBan = true,
        };

        var result = Succeeds(request);

        // The only cross-industry grouping without the last round's pairs.
        Assert.Equal([["u1", "u4"], ["u2", "u3"]], Ids(result));
        Assert.Equal(0, result.Stats.SameIndustryBanRelaxations);
    }

    [Fact]
    public void The_same_industry_ban_gives_way_before_the_cooldown_and_is_reported()
    {
        // Both cross-industry pairings met within the cooldown; the ban is relaxed first.
        var members = new[] { Member("u1", "finance"), Member("u2", "tech"), Member("u3", "finance"), Member("u4", "tech") };
        var history = new[] { Past(["u1", "u2"], ["u3", "u4"]), Past(["u1", "u4"], ["u2", "u3"]) };
        var request = Request(members, mode: PairingMode.CrossIndustry, history: history) with { SameIndustryBan = true };

        var result = Succeeds(request);

        Assert.Equal([["u1", "u3"], ["u2", "u4"]], Ids(result));
        Assert.Equal((2, 0), (result.Stats.SameIndustryBanRelaxations, result.Stats.CooldownViolations));
    }

    [Fact]
    public void When_the_cooldown_must_give_way_the_oldest_meetings_go_first()
    {
        var history = new[] { Past(["u1", "u2"], ["u3", "u4"]), Past(["u1", "u3"], ["u2", "u4"]), Past(["u1", "u4"], ["u2", "u3"]) };

        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(Members(4), seed: seed, cooldownRounds: 5, history: history));

            Assert.Equal([["u1", "u2"], ["u3", "u4"]], Ids(result));
            Assert.Equal(2, result.Stats.CooldownViolations);
        }
    }

    [Fact]
    public void The_extra_member_of_an_odd_count_joins_where_they_fit_best_whatever_their_position()
    {
        // u1 (first in the list) is the member everybody met last round; u5 fits the u3-u4 pair through offers.
        var members = new[]
        {
            Member("u1"), Member("u2"), Member("u3") with { Seeks = ["design"] }, Member("u4") with { Seeks = ["design"] },
            Member("u5") with { Offers = ["design"] },
        };
        var history = Past(["u1", "u2"], ["u1", "u3"], ["u1", "u4"], ["u1", "u5"]);

        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(members, seed: seed, history: history));

            Assert.Contains(["u3", "u4", "u5"], Ids(result));
            Assert.Equal(1, result.Stats.RepeatPairs);
        }
    }

    [Theory]
    [InlineData(PairingMode.CrossIndustry)]
    [InlineData(PairingMode.SharedInterest)]
    public void Two_hundred_members_reach_at_least_99_percent_of_the_best_possible_for_the_mode(PairingMode mode)
    {
        var members = Community(200, dataSeed: 200);
        var criterion = mode == PairingMode.CrossIndustry ? (Func<PairingMember, PairingMember, int>)DifferentIndustries : SharedInterests;

        var result = Succeeds(Request(members, seed: 3, mode: mode));

        var indexOf = members.Select((member, index) => (member.Id, index)).ToDictionary(p => p.Id, p => p.index);
        var achieved = result.Groups.Sum(group => criterion(members[indexOf[group[0]]], members[indexOf[group[1]]]));
        var edges = from a in Enumerable.Range(0, members.Length)
                    from b in Enumerable.Range(a + 1, members.Length - a - 1)
                    select new WeightedEdge(a, b, criterion(members[a], members[b]));
        var mate = MaximumWeightMatching.Solve(members.Length, [.. edges], maxCardinality: true);
        var optimum = Enumerable.Range(0, members.Length).Where(a => mate[a] > a).Sum(a => criterion(members[a], members[mate[a]]));
        Assert.True(optimum > 0);
        Assert.True(achieved >= 0.99 * optimum, $"{achieved} of an optimum of {optimum}");
    }

    [Fact]
    public void Groups_of_four_are_built_without_cooldown_repeats_when_possible()
    {
        var members = Members(40);
        var history = new List<PairingHistoryRound>();

        for (var round = 0; round < 4; round++)
        {
            var result = Succeeds(Request(members, groupSize: 4, seed: round, history: [.. history]));

            Assert.Equal(0, result.Stats.CooldownViolations);
            history.Add(new PairingHistoryRound(result.Groups));
        }
    }

    [Theory]
    [InlineData(500, PairingMode.CrossIndustry)]
    [InlineData(501, PairingMode.SharedInterest)]
    public void Rounds_above_the_complete_graph_limit_still_reach_the_complete_graph_optimum(int count, PairingMode mode)
    {
        var members = Community(count, dataSeed: count);
        var history = new List<PairingHistoryRound>();
        for (var round = 0; round < 3; round++)
        {
            history.Add(new PairingHistoryRound(Succeeds(Request(members, seed: round, mode: mode, history: [.. history])).Groups));
        }

        var problem = PairingProblem.Build(Request(members, seed: 9, mode: mode, history: [.. history]));
        Assert.True(count > ExactPairing.CompleteGraphLimit);
        var mate = new ExactPairing(problem).Match()!;

        // The complete graph, and for an odd count the engine's stand-in: leaving a member out earns their best two partners.
        var edges = (from a in Enumerable.Range(0, count)
                     from b in Enumerable.Range(a + 1, count - a - 1)
                     where !problem.AreBlocked(a, b)
                     select new WeightedEdge(a, b, problem.Weight(a, b))).ToList();
        var bestTwo = edges.SelectMany(e => new[] { (Member: e.First, e.Weight), (Member: e.Second, e.Weight) })
            .GroupBy(end => end.Member, end => end.Weight)
            .ToDictionary(ends => ends.Key, ends => ends.OrderDescending().Take(2).Sum());
        long LeftOut(int member) => bestTwo[member];
        if (count % 2 == 1)
        {
            edges.AddRange(Enumerable.Range(0, count).Select(member => new WeightedEdge(member, count, LeftOut(member))));
        }

        var optimal = MaximumWeightMatching.SolvePerfect(count + (count % 2), edges)!;
        long Total(int[] partners) => Enumerable.Range(0, count)
            .Sum(a => partners[a] < 0 || partners[a] >= count ? LeftOut(a) : partners[a] > a ? problem.Weight(a, partners[a]) : 0);
        Assert.Equal(0, Enumerable.Range(0, count).Count(a => mate[a] >= 0 && problem.HaveMet(a, mate[a])));
        Assert.Equal(Total(optimal), Total(mate));
    }

    [Fact]
    public void A_large_round_takes_the_sparse_path_and_keeps_the_contract()
    {
        var members = Community(2_001, dataSeed: 2_001);
        members[7] = members[7] with { Blocked = [members[8].Id, members[9].Id] };
        var ids = members.Select(member => member.Id).ToArray();
        var lastRound = new PairingHistoryRound(ids.Chunk(2).Select(pair => (IReadOnlyList<MemberId>)pair).ToArray());

        var result = Succeeds(Request(members, seed: 11, mode: PairingMode.CrossIndustry, history: lastRound));

        Assert.Equal(1, result.Stats.LargerGroups);
        Assert.Equal(0, result.Stats.CooldownViolations);
        Assert.True(result.Stats.CrossIndustryShare > 0.9);
    }

    [Fact]
    public void A_large_round_chosen_on_several_threads_is_the_same_on_every_run()
    {
        var members = Community(3_000, dataSeed: 3);
        var request = Request(members, seed: 42, mode: PairingMode.SharedInterest);

        var runs = Enumerable.Range(0, 4).Select(_ => Succeeds(request).Groups.Select(group => string.Join(' ', group))).ToArray();

        Assert.All(runs.Skip(1), run => Assert.Equal(runs[0], run));
        Assert.NotEqual(runs[0], Succeeds(request with { Seed = 43 }).Groups.Select(group => string.Join(' ', group)));
    }

    [Fact]
    public void The_weight_tiers_keep_their_order()
    {
        Assert.True(PairWeights.RepeatBase > PairWeights.MaxPreference);
        Assert.True(PairWeights.SameIndustryBan > 1_000 * PairWeights.MaxPreference);
        Assert.True(PairWeights.CooldownMeeting >= 1_000 * PairWeights.SameIndustryBan);
        Assert.True(PairWeights.ModeMatch > PairWeights.MaxPreference - (PairWeights.ModeMatch * PairWeights.SharedInterestCap));
        Assert.True(-PairWeights.Blocked > PairWeights.PenaltyCap);
    }

    private static int DifferentIndustries(PairingMember a, PairingMember b) =>
        a.Industry is { } x && b.Industry is { } y && !string.Equals(x, y, StringComparison.OrdinalIgnoreCase) ? 1 : 0;

    private static int SharedInterests(PairingMember a, PairingMember b) =>
        a.Interests.Intersect(b.Interests, StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>Members with skewed industries, a few interests, time zones, offers and seeks, all from a seed.</summary>
    private static PairingMember[] Community(int count, int dataSeed)
    {
        string[] industries = ["finance", "finance", "finance", "tech", "tech", "health", "education", "retail"];
        string[] topics = ["ai", "rust", "hiking", "chess", "music", "books", "coffee", "go", "design", "running"];
        string[] zones = ["Asia/Tokyo", "Europe/London", "America/New_York", "Asia/Kolkata", "Europe/Berlin"];
        string[] skills = ["hiring", "design", "fundraising", "mentoring", "sales", "marketing"];
        var data = new Random(dataSeed);
        string[] Some(string[] pool, int most) => pool.OrderBy(_ => data.Next()).Take(data.Next(most + 1)).ToArray();
        return Enumerable.Range(1, count)
            .Select(i => Member($"u{i}", industries[data.Next(industries.Length)], Some(topics, 4)) with
            {
                TimeZone = zones[data.Next(zones.Length)],
                Offers = Some(skills, 2),
                Seeks = Some(skills, 2),
            })
            .ToArray();
    }
}
