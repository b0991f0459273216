using System.Globalization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using static NetworkBot.Core.Tests.Pairing.RoundBuilder;

namespace NetworkBot.Core.Tests.Pairing;

public sealed class PairingEngineTests
{
    private static readonly long[] Seeds = [.. Enumerable.Range(0, 20).Select(i => (long)i * 104_729)];

    [Fact]
    public void Odd_count_makes_one_trio_and_leaves_nobody_out()
    {
        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(Members(7), seed: seed));

            Assert.Equal([2, 2, 3], result.Groups.Select(g => g.Count).Order());
            Assert.Equal(7, result.Groups.Sum(g => g.Count));
            Assert.Equal(1, result.Stats.LargerGroups);
        }
    }

    [Theory]
    [InlineData(10, 3, new[] { 3, 3, 4 })]
    [InlineData(9, 4, new[] { 4, 5 })]
    [InlineData(16, 8, new[] { 8, 8 })]
    [InlineData(12, 2, new[] { 2, 2, 2, 2, 2, 2 })]
    public void Counts_that_do_not_divide_give_some_groups_one_extra_member(int count, int groupSize, int[] sizes)
    {
        var result = Succeeds(Request(Members(count), groupSize));

        Assert.Equal(sizes, result.Groups.Select(g => g.Count).Order());
    }

    [Fact]
    public void Seven_members_cannot_be_split_into_groups_of_four_and_the_message_suggests_sizes_that_work()
    {
        var failure = Fails(Request(Members(7), groupSize: 4), PairingFailureKind.UnsplittableCount);

        Assert.Contains("7 members", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2, 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_members_than_the_group_size_fail_as_too_few()
    {
        var failure = Fails(Request(Members(3), groupSize: 4), PairingFailureKind.TooFewMembers);

        Assert.Contains("at least 4", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_round_fails_as_too_few_members() =>
        Fails(Request([]), PairingFailureKind.TooFewMembers);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(-2)]
    public void Group_sizes_outside_two_to_eight_are_refused(int groupSize)
    {
        var failure = Fails(Request(Members(20), groupSize), PairingFailureKind.GroupSizeOutOfRange);

        Assert.Contains("between 2 and 8", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_member_ids_are_invalid_input()
    {
        var failure = Fails(Request([Member("u1"), Member("u2"), Member("u1")]), PairingFailureKind.InvalidInput);

        Assert.Contains("'u1'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_member_id_is_invalid_input() =>
        Fails(Request([Member("u1"), Member(" ")]), PairingFailureKind.InvalidInput);

    [Fact]
    public void A_negative_cooldown_is_invalid_input() =>
        Fails(Request(Members(4), cooldownRounds: -1), PairingFailureKind.InvalidInput);

    [Fact]
    public void The_same_seed_gives_the_same_groups_and_another_seed_other_groups()
    {
        var members = Members(50);

        var first = Ids(Succeeds(Request(members, seed: 42)));
        var again = Ids(Succeeds(Request(members, seed: 42)));
        var other = Ids(Succeeds(Request(members, seed: 43)));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Member_order_within_the_output_follows_the_member_list()
    {
        var result = Succeeds(Request(Members(9), groupSize: 3, seed: 7));

        var positions = result.Groups.Select(g => g.Select(id => int.Parse(id.Value[1..], CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.All(positions, group => Assert.Equal(group.Order(), group));
        Assert.Equal(positions.Select(g => g[0]).Order(), positions.Select(g => g[0]));
    }

    [Fact]
    public void Stable_membership_of_200_has_no_repeats_over_three_rounds()
    {
        var members = Members(200);
        var history = new List<PairingHistoryRound>();
        var met = new HashSet<(string, string)>();

        for (var round = 1; round <= 3; round++)
        {
            var result = Succeeds(Request(members, seed: 1000 + round, history: [.. history]));

            Assert.Equal(0, result.Stats.RepeatPairs);
            Assert.Equal(0, result.Stats.CooldownViolations);
            var pairs = PairingContract.WithinGroupPairs(result).ToList();
            Assert.DoesNotContain(pairs, met.Contains);
            met.UnionWith(pairs);
            history.Add(new PairingHistoryRound(result.Groups));
        }
    }

    [Fact]
    public void A_member_who_blocked_everyone_fails_with_a_clear_message()
    {
        var members = Members(5).Append(Member("u6", blocked: ["u1", "u2", "u3", "u4", "u5"])).ToArray();

        var failure = Fails(Request(members), PairingFailureKind.BlocksLeaveNoGrouping);

        Assert.Contains("'u6'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("every other member", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_blocked_from_all_but_too_few_others_for_a_group_fails_naming_them()
    {
        var members = Members(7).Append(Member("u8", blocked: ["u1", "u2", "u3", "u4", "u5"])).ToArray();

        var failure = Fails(Request(members, groupSize: 4), PairingFailureKind.BlocksLeaveNoGrouping);

        Assert.Contains("'u8'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("group of 4", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_inside_a_round_that_must_be_one_group_fails_naming_both_members()
    {
        var members = new[] { Member("u1"), Member("u2", blocked: ["u3"]), Member("u3") };

        var failure = Fails(Request(members), PairingFailureKind.BlocksLeaveNoGrouping);

        Assert.Contains("'u2'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'u3'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_that_leave_nobody_for_two_members_fail_after_the_search()
    {
        // u1 and u2 both accept only u3, so one of them is always left with someone they blocked.
        var members = new[]
        {
            Member("u1", blocked: ["u2", "u4"]), Member("u2", blocked: ["u4"]), Member("u3"), Member("u4"),
        };

        var failure = Fails(Request(members), PairingFailureKind.BlocksLeaveNoGrouping);

        Assert.Contains("blocked pair", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_by_either_member_keeps_the_pair_apart()
    {
        // u2 and u3 block u1, so u1 can only be paired with u4.
        var members = new[] { Member("u1"), Member("u2", blocked: ["u1"]), Member("u3", blocked: ["u1"]), Member("u4") };

        foreach (var seed in Seeds)
        {
            Assert.True(Together(Succeeds(Request(members, seed: seed)), "u1", "u4"));
        }
    }

    [Fact]
    public void A_block_wins_over_the_cooldown()
    {
        var members = new[] { Member("u1", blocked: ["u2"]), Member("u2"), Member("u3"), Member("u4") };
        var history = new[] { Past(["u1", "u3"], ["u2", "u4"]), Past(["u1", "u4"], ["u2", "u3"]) };

        var result = Succeeds(Request(members, history: history));

        Assert.False(Together(result, "u1", "u2"));
        Assert.Equal(2, result.Stats.CooldownViolations);
    }

    [Fact]
    public void Blocks_and_history_of_members_outside_the_round_are_ignored()
    {
        var members = Members(4).Select(m => m with { Blocked = [new MemberId("gone")] }).ToArray();
        var history = Past(["u1", "gone"], ["gone", "u2", "u3"]);

        var result = Succeeds(Request(members, history: history));

        Assert.False(Together(result, "u2", "u3"));
        Assert.Equal(0, result.Stats.RepeatPairs);
    }

    [Fact]
    public void Cooldown_pairs_are_avoided_when_an_alternative_exists()
    {
        var history = Past(["u1", "u2"], ["u3", "u4"]);

        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(Members(4), seed: seed, history: history));

            Assert.False(Together(result, "u1", "u2"));
            Assert.False(Together(result, "u3", "u4"));
            Assert.Equal(0, result.Stats.CooldownViolations);
        }
    }

    [Fact]
    public void Repeats_older_than_the_cooldown_are_still_avoided_when_possible()
    {
        var older = Past(["u1", "u2"], ["u3", "u4"]);
        var latest = Past(["u1", "u3"], ["u2", "u4"]);

        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(Members(4), seed: seed, cooldownRounds: 1, history: [older, latest]));

            Assert.True(Together(result, "u1", "u4"));
            Assert.Equal(0, result.Stats.RepeatPairs);
        }
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(2, 0)]
    public void When_everyone_has_met_the_least_recent_partners_meet_again(int cooldownRounds, int cooldownViolations)
    {
        // The oldest round is inside a cooldown of 3 (violations) but outside one of 2 (only repeats).
        var history = new[] { Past(["u1", "u2"], ["u3", "u4"]), Past(["u1", "u3"], ["u2", "u4"]), Past(["u1", "u4"], ["u2", "u3"]) };

        var result = Succeeds(Request(Members(4), cooldownRounds: cooldownRounds, history: history));

        Assert.True(Together(result, "u1", "u2"));
        Assert.Equal(2, result.Stats.RepeatPairs);
        Assert.Equal(cooldownViolations, result.Stats.CooldownViolations);
    }

    [Fact]
    public void The_trio_is_formed_where_it_repeats_nobody_not_by_list_position()
    {
        // Every pair but u1-u2, u1-u3, u2-u3 and u4-u5 met recently, so the only grouping without a repeat
        // puts the extra member with u1, u2 and u3, whichever of them it is.
        var history = new[]
        {
            Past(["u1", "u4"], ["u2", "u5"]), Past(["u1", "u5"], ["u3", "u4"]), Past(["u2", "u4"], ["u3", "u5"]),
        };

        foreach (var seed in Seeds)
        {
            var result = Succeeds(Request(Members(5), seed: seed, history: history));

            Assert.Equal([["u1", "u2", "u3"], ["u4", "u5"]], Ids(result));
            Assert.Equal(0, result.Stats.RepeatPairs);
        }
    }

    [Fact]
    public void Cross_industry_mode_raises_cross_industry_share_over_random()
    {
        string[] industries = ["finance", "tech", "health", "education"];
        var members = Enumerable.Range(1, 40).Select(i => Member($"u{i}", industries[i % 4])).ToArray();

        AssertModeReachesAFullShareWhereRandomDoesNot(members, PairingMode.CrossIndustry, stats => stats.CrossIndustryShare);
    }

    [Fact]
    public void Shared_interest_mode_raises_shared_interest_share_over_random_and_ignores_case()
    {
        // Each topic is held by exactly two members, spelled differently, so only a perfect matching shares all.
        var members = Enumerable.Range(0, 20)
            .Select(i => Member($"u{i + 1}", interests: [i % 2 == 0 ? $"Topic{i / 2}" : $"topic{i / 2}"]))
            .ToArray();

        AssertModeReachesAFullShareWhereRandomDoesNot(members, PairingMode.SharedInterest, stats => stats.SharedInterestShare);
    }

    [Fact]
    public void Modes_never_outweigh_the_cooldown()
    {
        // Both cross-industry pairings have just been used; the only fresh one keeps the industries together.
        var members = new[] { Member("u1", "finance"), Member("u2", "tech"), Member("u3", "finance"), Member("u4", "tech") };
        var history = new[] { Past(["u1", "u2"], ["u3", "u4"]), Past(["u1", "u4"], ["u2", "u3"]) };

        var result = Succeeds(Request(members, mode: PairingMode.CrossIndustry, history: history));

        Assert.Equal([["u1", "u3"], ["u2", "u4"]], Ids(result));
        Assert.Equal(0, result.Stats.CrossIndustryShare);
        Assert.Equal(0, result.Stats.CooldownViolations);
    }

    [Fact]
    public void Stats_count_repeats_cooldown_violations_and_shares()
    {
        var members = new[]
        {
            Member("u1", "finance", ["AI", "chess"]), Member("u2", "tech", ["ai"]),
            Member("u3", "finance", ["go"]), Member("u4", null, ["rust"]),
        };
        var history = new[] { Past(["u1", "u2"], ["u3", "u4"]), Past(["u1", "u3"], ["u2", "u4"]), Past(["u1", "u4"], ["u2", "u3"]) };

        var result = Succeeds(Request(members, cooldownRounds: 0, history: history));

        // Every pairing repeats two pairs, none within a cooldown of 0; the shares are checked against the
        // contract's own count in Succeeds.
        Assert.Equal(new PairingStats(4, 2, 0, 2, 0, result.Stats.CrossIndustryShare, result.Stats.SharedInterestShare), result.Stats);
    }

    [Fact]
    public void Stats_of_a_known_pair_describe_it()
    {
        var members = new[] { Member("u1", "Finance", ["AI"]), Member("u2", " tech ", ["ai ", "go"]) };

        var result = Succeeds(Request(members, cooldownRounds: 1, history: [Past(["u1", "u2"]), Past(["u9"])]));

        Assert.Equal(new PairingStats(2, 1, 0, 1, 0, 1.0, 1.0), result.Stats);
    }

    [Fact]
    public void An_unknown_industry_does_not_count_as_cross_industry()
    {
        var result = Succeeds(Request([Member("u1", "finance"), Member("u2", null)]));

        Assert.Equal(0, result.Stats.CrossIndustryShare);
    }

    [Fact]
    public void Ten_thousand_members_are_all_placed()
    {
        var result = Succeeds(Request(Members(10_001), groupSize: 2, mode: PairingMode.CrossIndustry));

        Assert.Equal(5_000, result.Stats.Groups);
        Assert.Equal(1, result.Stats.LargerGroups);
    }

    /// <summary>Runs the same round and seed in Random and in <paramref name="mode"/>, and compares the share.</summary>
    private static void AssertModeReachesAFullShareWhereRandomDoesNot(
        PairingMember[] members, PairingMode mode, Func<PairingStats, double> share)
    {
        var random = Succeeds(Request(members, seed: 5, mode: PairingMode.Random));
        var preferred = Succeeds(Request(members, seed: 5, mode: mode));

        Assert.True(share(preferred.Stats) > share(random.Stats));
        Assert.Equal(1.0, share(preferred.Stats));
    }
}
