using NetworkBot.Core.Coffee;
using NetworkBot.Core.Storage;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class RoundStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Saved_round_reads_back_with_its_groups_and_members_in_order()
    {
        var round = Round(Tokyo, T0, ["u3", "u1"], ["u5", "u2", "u4"]);
        round = round with { Groups = [round.Groups[0] with { Outcome = MeetingOutcome.Met }, round.Groups[1]] };

        await Store.SaveRoundAsync(round, new([], null), [], Ct);

        var read = Assert.Single(await Store.ListRoundsAsync(Tokyo, 10, Ct));
        Assert.Equivalent(round, read, strict: true);
        Assert.Equal(T0.UtcTicks, read.Round.StartedAt.UtcTicks);
    }

    [SkippableFact]
    public async Task Listing_rounds_returns_the_newest_ones_oldest_first()
    {
        var rounds = Enumerable.Range(0, 4).Select(week => Round(Tokyo, T0.AddDays(7 * week), ["u1", "u2"])).ToList();
        foreach (var round in new[] { rounds[2], rounds[0], rounds[3], rounds[1] })
        {
            await Store.SaveRoundAsync(round, new([], null), [], Ct);
        }

        var newestThree = await Store.ListRoundsAsync(Tokyo, 3, Ct);

        Assert.Equal([rounds[1].Round, rounds[2].Round, rounds[3].Round], newestThree.Select(r => r.Round));
    }

    [SkippableFact]
    public async Task Listing_rounds_with_a_limit_of_zero_returns_nothing()
    {
        await Store.SaveRoundAsync(Round(Tokyo, T0, ["u1", "u2"]), new([], null), [], Ct);

        Assert.Empty(await Store.ListRoundsAsync(Tokyo, 0, Ct));
    }

    [SkippableFact]
    public async Task Member_rounds_are_newest_first_with_only_the_members_group()
    {
        var first = Round(Tokyo, T0, ["u1", "u2"], ["u3", "u4"]);
        var second = Round(Tokyo, T0.AddDays(7), ["u1", "u3", "u5"], ["u2", "u4"]);
        var withoutU1 = Round(Tokyo, T0.AddDays(14), ["u2", "u3"], ["u4", "u5"]);
        foreach (var round in new[] { first, second, withoutU1 })
        {
            await Store.SaveRoundAsync(round, new([], null), [], Ct);
        }

        var rounds = await Store.ListMemberRoundsAsync(Tokyo, Id("u1"), 10, Ct);

        Assert.Equivalent(new[] { second with { Groups = [second.Groups[0]] }, first with { Groups = [first.Groups[0]] } }, rounds, strict: true);
    }

    [SkippableFact]
    public async Task Member_rounds_keep_only_the_newest_up_to_the_limit()
    {
        var rounds = Enumerable.Range(0, 3).Select(week => Round(Tokyo, T0.AddDays(7 * week), ["u1", "u2"])).ToList();
        foreach (var round in rounds)
        {
            await Store.SaveRoundAsync(round, new([], null), [], Ct);
        }

        var latestTwo = await Store.ListMemberRoundsAsync(Tokyo, Id("u2"), 2, Ct);

        Assert.Equal([rounds[2].Round, rounds[1].Round], latestTwo.Select(r => r.Round));
        Assert.Empty(await Store.ListMemberRoundsAsync(Tokyo, Id("nobody"), 2, Ct));
    }

    [SkippableFact]
    public async Task Saving_a_round_clears_skip_next_of_the_joined_members_of_its_community_only()
    {
        var skipping = new CoffeeEnrollment(true, null, true);
        await Store.SaveMembersAsync(
            [Member(Tokyo, "u1", coffee: skipping), Member(Tokyo, "u2", coffee: new CoffeeEnrollment(false, null, true)), Member(Osaka, "u1", coffee: skipping)],
            Ct);

        await Store.SaveRoundAsync(Round(Tokyo, T0, ["u3", "u4"]), new([], null), [], Ct);

        Assert.False((await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!.Coffee.SkipNext);
        Assert.True((await Store.GetMemberAsync(Tokyo, Id("u2"), Ct))!.Coffee.SkipNext);
        Assert.True((await Store.GetMemberAsync(Osaka, Id("u1"), Ct))!.Coffee.SkipNext);
    }

    [SkippableFact]
    public async Task Saving_a_round_enqueues_its_messages_and_ignores_keys_already_in_the_outbox()
    {
        await Store.EnqueueAsync([Message(Tokyo, "round-1/intro", T0, "first")], Ct);

        await Store.SaveRoundAsync(
            Round(Tokyo, T0, ["u1", "u2"]), new([], null),
            [Message(Tokyo, "round-1/intro", T0, "second"), Message(Tokyo, "round-1/group-1", T0)],
            Ct);

        var due = await Store.ListDueOutboxAsync(T0, 10, Ct);
        Assert.Equal(["round-1/intro", "round-1/group-1"], due.Select(m => m.Key));
        Assert.Equal("first", due[0].Reply.Text);
    }

    [SkippableFact]
    public async Task A_round_with_a_duplicate_group_id_is_rejected_and_leaves_nothing_written()
    {
        var round = Round(Tokyo, T0, ["u1", "u2"], ["u3", "u4"]);
        round = round with { Groups = [round.Groups[0], round.Groups[1] with { Id = round.Groups[0].Id }] };

        await AssertSaveRoundWritesNothingAsync(round);
    }

    [SkippableFact]
    public async Task A_round_with_a_member_listed_twice_in_a_group_is_rejected_and_leaves_nothing_written()
    {
        await AssertSaveRoundWritesNothingAsync(Round(Tokyo, T0, ["u1", "u2"], ["u3", "u3"]));
    }

    [SkippableFact]
    public async Task A_round_larger_than_one_insert_reads_back_whole_and_a_stale_member_among_hundreds_refuses_it_whole()
    {
        var ids = Enumerable.Range(1, 250).Select(n => $"u{n:D3}").ToList();
        await Store.SaveMembersAsync([.. ids.Select(id => Member(Tokyo, id))], Ct);
        var basis = await Store.ListMembersAsync(Tokyo, Ct);
        var round = Round(Tokyo, T0, [.. ids.Chunk(2)]);
        var messages = round.Groups.Select(g => Message(Tokyo, $"group/{g.Id}", T0)).ToList();

        await Store.SaveRoundAsync(round, new(basis, null), messages, Ct);

        Assert.Equivalent(round, Assert.Single(await Store.ListRoundsAsync(Tokyo, 10, Ct)), strict: true);
        Assert.Equal(messages.Select(m => m.Key), (await Store.ListDueOutboxAsync(T0, 1000, Ct)).Select(m => m.Key));

        await Store.SaveMemberAsync(basis[200] with { DisplayName = "renamed" }, Ct);
        var next = Round(Tokyo, T0.AddDays(7), [.. ids.Chunk(2)]);
        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveRoundAsync(next, new(basis, null), [Message(Tokyo, "next", T0)], Ct));
        Assert.Single(await Store.ListRoundsAsync(Tokyo, 10, Ct));
        Assert.Equal(messages.Count, (await Store.ListDueOutboxAsync(T0, 1000, Ct)).Count);
    }

    /// <summary>The failing insert comes after the round, a group and the members are written: all must roll back.</summary>
    private async Task AssertSaveRoundWritesNothingAsync(RoundRecord round)
    {
        await Store.SaveMemberAsync(Member(Tokyo, "u1", coffee: new CoffeeEnrollment(true, null, true)), Ct);

        await AssertIntegrityViolationAsync(
            () => Store.SaveRoundAsync(round, new([], null), [Message(Tokyo, "round/announce", T0)], Ct));

        foreach (var table in new[] { StoreTable.Rounds, StoreTable.RoundGroups, StoreTable.GroupMembers, StoreTable.Outbox })
        {
            Assert.Equal(0, await UnderTest.CountRowsAsync(table));
        }

        Assert.True((await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!.Coffee.SkipNext);
    }
}
