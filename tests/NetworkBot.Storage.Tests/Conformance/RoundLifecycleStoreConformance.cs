using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class RoundLifecycleStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Phase_times_round_trip_through_every_round_read()
    {
        var round = Round(Tokyo, T0, ["u1", "u2"]);
        round = round with
        {
            Round = round.Round with
            {
                EndsAt = T0.AddDays(7),
                NudgedAt = T0.AddDays(3).AddTicks(1),
                CheckInAt = T0.AddDays(5).AddTicks(2),
                ReaskedAt = T0.AddDays(6).AddTicks(3),
                ClosedAt = T0.AddDays(7).AddTicks(4),
            },
        };

        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        Assert.Equivalent(round, Assert.Single(await Store.ListRoundsAsync(Tokyo, 5, Ct)), strict: true);
        Assert.Equivalent(round, Assert.Single(await Store.ListMemberRoundsAsync(Tokyo, Id("u1"), 5, Ct)), strict: true);
        Assert.Equivalent(round, await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct), strict: true);
        Assert.Equivalent(round, await Store.FindGroupAsync(Tokyo, round.Groups[0].Id, Ct), strict: true);
        Assert.Equal(T0.AddDays(3).AddTicks(1).UtcTicks, (await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Round.NudgedAt!.Value.UtcTicks);
    }

    [SkippableFact]
    public async Task Getting_a_round_returns_all_its_groups_in_order_and_null_for_an_unknown_round()
    {
        var round = Round(Tokyo, T0, ["u3", "u1"], ["u5", "u2", "u4"]);
        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        Assert.Equivalent(round, await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct), strict: true);
        Assert.Null(await Store.GetRoundAsync(Tokyo, RoundId.New(), Ct));
    }

    [SkippableFact]
    public async Task Open_rounds_are_those_of_the_community_with_an_end_and_no_close_oldest_first()
    {
        var tokyoLater = Open(Round(Tokyo, T0.AddDays(7), ["u1", "u2"], ["u3", "u4"]));
        var tokyoEarlier = Open(Round(Tokyo, T0, ["u1", "u2"]));
        var osaka = Open(Round(Osaka, T0, ["u1", "u2"]));
        var closed = Open(Round(Tokyo, T0.AddDays(1), ["u1", "u2"]));
        closed = closed with { Round = closed.Round with { ClosedAt = T0.AddDays(8) } };
        var demo = Round(Tokyo, T0.AddDays(2), ["u1", "u2"]);
        foreach (var round in new[] { tokyoLater, closed, demo, osaka, tokyoEarlier })
        {
            await Store.SaveRoundAsync(round, new([], null), [], Ct);
        }

        var open = await Store.ListOpenRoundsAsync(Tokyo, Ct);

        Assert.Equivalent(new[] { tokyoEarlier, tokyoLater }, open, strict: true);
        Assert.Equivalent(new[] { tokyoEarlier.Round, tokyoLater.Round }, await Store.ListOpenRoundsWithoutGroupsAsync(Tokyo, Ct), strict: true);
        Assert.Equal([Tokyo, Osaka], await Store.ListCoffeeCommunitiesAsync(Ct));
    }

    [SkippableFact]
    public async Task Open_rounds_without_groups_carry_the_phases_and_version_an_update_stored()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        await Store.UpdateRoundAsync(round.Round with { NudgedAt = T0.AddDays(3), CheckInAt = T0.AddDays(5) }, [], Ct);

        var stored = Assert.Single(await Store.ListOpenRoundsWithoutGroupsAsync(Tokyo, Ct));
        Assert.Equivalent((await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Round, stored, strict: true);
        Assert.Equal((T0.AddDays(3), T0.AddDays(5), (DateTimeOffset?)null, 1), (stored.NudgedAt, stored.CheckInAt, stored.ReaskedAt, stored.Version));
    }

    [SkippableFact]
    public async Task Round_closed_by_an_update_is_no_longer_open()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        await Store.UpdateRoundAsync(round.Round with { ClosedAt = T0.AddDays(7) }, [], Ct);

        Assert.Empty(await Store.ListOpenRoundsAsync(Tokyo, Ct));
        Assert.Empty(await Store.ListOpenRoundsWithoutGroupsAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task Finding_a_group_returns_its_round_with_that_group_only()
    {
        var round = Round(Tokyo, T0, ["u1", "u2"], ["u3", "u4", "u5"]);
        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        var found = await Store.FindGroupAsync(Tokyo, round.Groups[1].Id, Ct);

        Assert.Equivalent(round with { Groups = [round.Groups[1]] }, found, strict: true);
        Assert.Null(await Store.FindGroupAsync(Tokyo, GroupId.New(), Ct));
    }

    [SkippableFact]
    public async Task Updating_a_round_stores_its_phase_times_and_enqueues_its_messages_leaving_the_rest()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        var nudged = round.Round with { NudgedAt = T0.AddDays(3), EndsAt = T0.AddDays(14), Seed = 999, GroupSize = 5 };

        await Store.UpdateRoundAsync(nudged, [Message(Tokyo, "round/nudge", T0.AddDays(3))], Ct);

        var read = await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct);
        Assert.Equivalent(round with { Round = round.Round with { NudgedAt = T0.AddDays(3), EndsAt = T0.AddDays(14), Version = 1 } }, read, strict: true);
        Assert.Equal(["round/nudge"], (await Store.ListDueOutboxAsync(T0.AddDays(3), 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Updating_an_unknown_round_throws_and_enqueues_nothing()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"])).Round;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateRoundAsync(round, [Message(Tokyo, "round/nudge", T0)], Ct));

        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task Late_joiners_are_added_at_the_end_of_their_group_in_the_order_they_came()
    {
        var round = Round(Tokyo, T0, ["u3", "u1"], ["u5", "u2"]);
        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        await Store.AddGroupMemberAsync(Tokyo, round.Groups[0].Id, Id("u9"), [Message(Tokyo, "late/u9", T0)], Ct);
        await Store.AddGroupMemberAsync(Tokyo, round.Groups[0].Id, Id("u0"), [], Ct);

        var read = (await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!;
        Assert.Equal([Id("u3"), Id("u1"), Id("u9"), Id("u0")], read.Groups[0].Members);
        Assert.Equal([Id("u5"), Id("u2")], read.Groups[1].Members);
        Assert.Equal(["late/u9"], (await Store.ListDueOutboxAsync(T0, 10, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task Adding_a_member_to_an_unknown_group_throws_and_enqueues_nothing()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.AddGroupMemberAsync(Tokyo, GroupId.New(), Id("u9"), [Message(Tokyo, "late/u9", T0)], Ct));

        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task Adding_a_member_already_in_the_group_is_rejected_and_enqueues_nothing()
    {
        var round = Round(Tokyo, T0, ["u1", "u2"]);
        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        await AssertIntegrityViolationAsync(
            () => Store.AddGroupMemberAsync(Tokyo, round.Groups[0].Id, Id("u2"), [Message(Tokyo, "late/u2", T0)], Ct));

        Assert.Equal([Id("u1"), Id("u2")], (await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Groups[0].Members);
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task Closing_a_round_stores_its_close_the_members_enrolment_and_its_messages()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        await Store.SaveMembersAsync([Member(Tokyo, "u1", "Hanako"), Member(Tokyo, "u2")], Ct);
        var paused = Member(Tokyo, "u1", "an older copy of the name", new CoffeeEnrollment(true, new DateOnly(2025, 6, 1), false) { MissedRounds = 3 });
        var missedOne = Member(Tokyo, "u2", coffee: new CoffeeEnrollment(true, null, false) { MissedRounds = 1 });
        var closed = round.Round with { ClosedAt = T0.AddDays(7) };

        await Store.CloseRoundAsync(closed, [paused, missedOne], [Message(Tokyo, "round/summary", T0.AddDays(7)), Message(Tokyo, "pause/u1", T0.AddDays(7))], Ct);

        Assert.Equal(closed with { Version = 1 }, (await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Round);
        var u1 = (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!;
        Assert.Equivalent(paused.Coffee, u1.Coffee, strict: true);
        Assert.Equal("Hanako", u1.DisplayName);
        Assert.Equal(1, (await Store.GetMemberAsync(Tokyo, Id("u2"), Ct))!.Coffee.MissedRounds);
        Assert.Equal(["round/summary", "pause/u1"], (await Store.ListDueOutboxAsync(T0.AddDays(7), 10, Ct)).Select(m => m.Key));
        Assert.Empty(await Store.ListOpenRoundsAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task Closing_a_round_whose_messages_cannot_be_enqueued_leaves_the_round_and_members_as_they_were()
    {
        var (round, member) = await SaveRoundToCloseAsync();
        await UnderTest.FailInsertsIntoAsync(StoreTable.Outbox);

        await AssertIntegrityViolationAsync(() => Store.CloseRoundAsync(
            round.Round with { ClosedAt = T0.AddDays(7) },
            [member with { Coffee = member.Coffee with { MissedRounds = 1 } }],
            [Message(Tokyo, "round/summary", T0.AddDays(7))],
            Ct));

        await AssertNothingOfTheCloseWrittenAsync(round);
    }

    [SkippableFact]
    public async Task Closing_a_round_with_an_unknown_member_throws_and_writes_nothing()
    {
        var (round, member) = await SaveRoundToCloseAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CloseRoundAsync(
            round.Round with { ClosedAt = T0.AddDays(7) },
            [member with { Coffee = member.Coffee with { MissedRounds = 1 } }, Member(Tokyo, "ghost")],
            [Message(Tokyo, "round/summary", T0.AddDays(7))],
            Ct));

        await AssertNothingOfTheCloseWrittenAsync(round);
    }

    [SkippableFact]
    public async Task Closing_a_round_with_a_member_of_another_community_is_refused()
    {
        var (round, _) = await SaveRoundToCloseAsync();
        await Store.SaveMemberAsync(Member(Osaka, "u1"), Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CloseRoundAsync(
            round.Round with { ClosedAt = T0.AddDays(7) },
            [Member(Osaka, "u1", coffee: new CoffeeEnrollment(true, null, false) { MissedRounds = 2 })],
            [],
            Ct));

        Assert.Equal(0, (await Store.GetMemberAsync(Osaka, Id("u1"), Ct))!.Coffee.MissedRounds);
        await AssertNothingOfTheCloseWrittenAsync(round);
    }

    private async Task<(RoundRecord Round, Member Member)> SaveRoundToCloseAsync()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2"]));
        var member = Member(Tokyo, "u1");
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        await Store.SaveMemberAsync(member, Ct);
        return (round, member);
    }

    private async Task AssertNothingOfTheCloseWrittenAsync(RoundRecord round)
    {
        Assert.Null((await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Round.ClosedAt);
        Assert.Equal(0, (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!.Coffee.MissedRounds);
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }
}
