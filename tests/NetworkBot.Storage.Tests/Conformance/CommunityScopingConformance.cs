using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>The same ids used in two communities: nothing of one is ever visible from the other.</summary>
public abstract class CommunityScopingConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Same_member_id_in_two_communities_is_two_separate_members()
    {
        var inTokyo = new Member(Tokyo, Id("u1"), "Hanako", JapaneseProfile, CoffeeEnrollment.NotJoined, T0);
        var inOsaka = Member(Osaka, "u1", "Taro");
        await Store.SaveMembersAsync([inTokyo, inOsaka], Ct);

        Assert.Equivalent(inTokyo, await Store.GetMemberAsync(Tokyo, Id("u1"), Ct), strict: true);
        Assert.Equivalent(inOsaka, await Store.GetMemberAsync(Osaka, Id("u1"), Ct), strict: true);
        Assert.Equal(["Hanako"], (await Store.ListMembersAsync(Tokyo, Ct)).Select(m => m.DisplayName));
        Assert.Empty(await Store.FindMembersByNameAsync(Osaka, "Hanako", Ct));
        Assert.Null(await Store.GetMemberAsync(CommunityId.For("shell", "local"), Id("u1"), Ct));
    }

    [SkippableFact]
    public async Task Blocks_of_one_community_are_invisible_and_untouchable_from_another()
    {
        var block = new Block(Id("u1"), Id("u2"));
        await Store.AddBlockAsync(Tokyo, block, Ct);

        Assert.Empty(await Store.ListBlocksAsync(Osaka, Ct));
        Assert.Empty(await Store.ListBlockedAsync(Osaka, Id("u1"), Ct));
        Assert.False(await Store.RemoveBlockAsync(Osaka, block, Ct));
        Assert.True(await Store.AddBlockAsync(Osaka, block, Ct));
        Assert.Equal([block], await Store.ListBlocksAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task Interests_and_their_members_stay_in_their_community()
    {
        var rust = Interest(Tokyo, "Rust");
        await Store.CreateInterestAsync(rust, [], Ct);
        await Store.CreateInterestAsync(rust with { Community = Osaka, Name = "Go" }, [], Ct);
        await Store.AddInterestMemberAsync(Tokyo, rust.Id, Id("u1"), Ct);

        Assert.Null(await Store.GetInterestByNameAsync(Osaka, "Rust", Ct));
        Assert.Equal(["Go"], (await Store.ListInterestsAsync(Osaka, includeArchived: true, Ct)).Select(i => i.Name));
        Assert.Empty(await Store.ListInterestMembersAsync(Osaka, rust.Id, Ct));
        Assert.Empty(await Store.ListInterestGroupNamesByMemberAsync(Osaka, Ct));
        Assert.False(await Store.RemoveInterestMemberAsync(Osaka, rust.Id, Id("u1"), Ct));
        Assert.Equal([Id("u1")], await Store.ListInterestMembersAsync(Tokyo, rust.Id, Ct));
        Assert.Equal("Rust", (await Store.GetInterestByNameAsync(Tokyo, "rust", Ct))!.Name);
    }

    [SkippableFact]
    public async Task Rounds_of_one_community_are_invisible_from_another()
    {
        await Store.SaveRoundAsync(Round(Tokyo, T0, ["u1", "u2"]), new([], null), [], Ct);
        await Store.SaveRoundAsync(Round(Osaka, T0.AddDays(1), ["u1", "u3"]), new([], null), [], Ct);

        var tokyo = Assert.Single(await Store.ListRoundsAsync(Tokyo, 10, Ct));
        var osakaForU1 = Assert.Single(await Store.ListMemberRoundsAsync(Osaka, Id("u1"), 10, Ct));

        Assert.Equal([Id("u1"), Id("u2")], Assert.Single(tokyo.Groups).Members);
        Assert.Equal([Id("u1"), Id("u3")], Assert.Single(osakaForU1.Groups).Members);
        Assert.Empty(await Store.ListMemberRoundsAsync(Osaka, Id("u2"), 10, Ct));
    }

    [SkippableFact]
    public async Task Same_outbox_key_in_two_communities_is_two_messages()
    {
        await Store.EnqueueAsync([Message(Tokyo, "round-1/announce", T0), Message(Osaka, "round-1/announce", T0)], Ct);

        var due = await Store.ListDueOutboxAsync(T0, 10, Ct);

        Assert.Equal([Tokyo, Osaka], due.Select(m => m.Community));
    }

    [SkippableFact]
    public async Task Schedules_stay_in_their_community()
    {
        await Store.SaveScheduleAsync(Schedule(Tokyo), [], Ct);
        await Store.SaveScheduleAsync(Schedule(Osaka) with { GroupSize = 3 }, [], Ct);

        Assert.Equal(2, (await Store.GetScheduleAsync(Tokyo, Ct))!.GroupSize);
        Assert.Equal(3, (await Store.GetScheduleAsync(Osaka, Ct))!.GroupSize);
        Assert.Null(await Store.GetScheduleAsync(CommunityId.For("shell", "local"), Ct));
    }

    [SkippableFact]
    public async Task Same_round_and_group_ids_in_two_communities_are_two_rounds()
    {
        var tokyo = Open(Round(Tokyo, T0, ["u1", "u2"]));
        var osaka = tokyo with
        {
            Round = tokyo.Round with { Community = Osaka, Seed = 99 },
            Groups = [tokyo.Groups[0] with { Members = [Id("u3"), Id("u4")] }],
        };
        await Store.SaveRoundAsync(tokyo, new([], null), [], Ct);
        await Store.SaveRoundAsync(osaka, new([], null), [], Ct);

        Assert.Equivalent(new[] { tokyo }, await Store.ListOpenRoundsAsync(Tokyo, Ct), strict: true);
        Assert.Equivalent(new[] { osaka }, await Store.ListOpenRoundsAsync(Osaka, Ct), strict: true);
        Assert.Equivalent(new[] { osaka.Round }, await Store.ListOpenRoundsWithoutGroupsAsync(Osaka, Ct), strict: true);
        Assert.Equivalent(osaka, await Store.GetRoundAsync(Osaka, tokyo.Round.Id, Ct), strict: true);
        Assert.Equivalent(osaka, await Store.FindGroupAsync(Osaka, tokyo.Groups[0].Id, Ct), strict: true);

        await Store.UpdateRoundAsync(osaka.Round with { NudgedAt = T0 }, [], Ct);
        await Store.AddGroupMemberAsync(Osaka, tokyo.Groups[0].Id, Id("u5"), [], Ct);
        await RecordAnswerAsync(Osaka, Answer(osaka, 0, "u3", MeetingOutcome.Met, T0), MeetingOutcome.Met, []);
        await Store.SaveMemberAsync(Member(Osaka, "u3"), Ct);
        await Store.CloseRoundAsync(osaka.Round with { ClosedAt = T0, Version = 1 }, [Member(Osaka, "u3", coffee: new CoffeeEnrollment(true, null, false) { MissedRounds = 1 })], [], Ct);

        Assert.Equivalent(tokyo, await Store.GetRoundAsync(Tokyo, tokyo.Round.Id, Ct), strict: true);
        Assert.Empty(await Store.ListAnswersAsync(Tokyo, tokyo.Round.Id, Ct));
        Assert.Single(await Store.ListAnswersAsync(Osaka, tokyo.Round.Id, Ct));
        Assert.Equal([tokyo.Round.Id], (await Store.ListOpenRoundsAsync(Tokyo, Ct)).Select(r => r.Round.Id));
    }

    [SkippableFact]
    public async Task Rounds_and_groups_of_one_community_cannot_be_read_or_written_from_another()
    {
        var tokyo = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(tokyo, new([], null), [], Ct);
        await RecordAnswerAsync(Tokyo, Answer(tokyo, 0, "u1", MeetingOutcome.Met, T0), MeetingOutcome.Met, []);
        var group = tokyo.Groups[0].Id;

        Assert.Null(await Store.GetRoundAsync(Osaka, tokyo.Round.Id, Ct));
        Assert.Null(await Store.FindGroupAsync(Osaka, group, Ct));
        Assert.Empty(await Store.ListAnswersAsync(Osaka, tokyo.Round.Id, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateRoundAsync(tokyo.Round with { Community = Osaka, NudgedAt = T0 }, [], Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CloseRoundAsync(tokyo.Round with { Community = Osaka, ClosedAt = T0 }, [], [], Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddGroupMemberAsync(Osaka, group, Id("u9"), [], Ct));
        await AssertIntegrityViolationAsync(
            () => RecordAnswerAsync(Osaka, Answer(tokyo, 0, "u2", MeetingOutcome.DidNotMeet, T0), MeetingOutcome.DidNotMeet, []));

        Assert.Equivalent(tokyo with { Groups = [tokyo.Groups[0] with { Outcome = MeetingOutcome.Met, Version = 1 }] }, await Store.GetRoundAsync(Tokyo, tokyo.Round.Id, Ct), strict: true);
        Assert.Single(await Store.ListAnswersAsync(Tokyo, tokyo.Round.Id, Ct));
    }

    [SkippableFact]
    public async Task Connections_are_listed_and_counted_in_their_community_only()
    {
        var tokyo = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(tokyo, new([], null), [], Ct);
        await RecordAnswerAsync(
            Tokyo, Answer(tokyo, 0, "u1", MeetingOutcome.Met, T0), MeetingOutcome.Met, [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0)]);

        Assert.Empty(await Store.ListConnectionsAsync(Osaka, Id("u1"), Ct));
        Assert.Equal(0, await Store.CountConnectionsSinceAsync(Osaka, DateTimeOffset.MinValue, Ct));
        Assert.Equal(1, await Store.CountConnectionsSinceAsync(Tokyo, DateTimeOffset.MinValue, Ct));
    }

    [SkippableFact]
    public async Task Connection_of_another_community_handed_to_an_answer_is_refused()
    {
        var tokyo = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(tokyo, new([], null), [], Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => RecordAnswerAsync(
            Tokyo, Answer(tokyo, 0, "u1", MeetingOutcome.Met, T0), MeetingOutcome.Met, [Connection.Between(Osaka, Id("u1"), Id("u2"), T0)]));

        Assert.Empty(await Store.ListAnswersAsync(Tokyo, tokyo.Round.Id, Ct));
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Connections));
    }
}
