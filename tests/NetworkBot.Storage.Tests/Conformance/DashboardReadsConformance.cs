using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>The whole-community reads the dashboard's figures come from, each in its stated order and never showing another community's rows.</summary>
public abstract class DashboardReadsConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Community_connections_come_oldest_first_then_by_members()
    {
        var tokyo = Open(Round(Tokyo, T0, ["u3", "u1", "u2", "u4"]));
        var osaka = Open(Round(Osaka, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(tokyo, new([], null), [], Ct);
        await Store.SaveRoundAsync(osaka, new([], null), [], Ct);
        var connections = new[]
        {
            Connection.Between(Tokyo, Id("u3"), Id("u4"), T0.AddDays(2)),
            Connection.Between(Tokyo, Id("u2"), Id("u3"), T0.AddDays(1)),
            Connection.Between(Tokyo, Id("u1"), Id("u4"), T0.AddDays(2)),
            Connection.Between(Tokyo, Id("u3"), Id("u1"), T0.AddDays(2)),
        };
        await RecordAnswerAsync(Tokyo, Answer(tokyo, 0, "u3", MeetingOutcome.Met, T0), MeetingOutcome.Met, connections);
        await RecordAnswerAsync(Osaka, Answer(osaka, 0, "u1", MeetingOutcome.Met, T0), MeetingOutcome.Met, [Connection.Between(Osaka, Id("u1"), Id("u2"), T0)]);

        Assert.Equal(
            [connections[1], connections[3], connections[2], connections[0]],
            await Store.ListCommunityConnectionsAsync(Tokyo, Ct));
        Assert.Equal([Connection.Between(Osaka, Id("u1"), Id("u2"), T0)], await Store.ListCommunityConnectionsAsync(Osaka, Ct));
        Assert.Empty(await Store.ListCommunityConnectionsAsync(CommunityId.For("shell", "local"), Ct));
    }

    [SkippableFact]
    public async Task Rounds_are_counted_per_community_open_and_closed_alike()
    {
        var open = Open(Round(Tokyo, T0, ["u1", "u2"]));
        await Store.SaveRoundAsync(open, new([], null), [], Ct);
        await Store.SaveRoundAsync(Round(Tokyo, T0.AddDays(14), ["u1", "u3"]), new([], null), [], Ct);
        await Store.SaveRoundAsync(Round(Osaka, T0, ["u1", "u2"]), new([], null), [], Ct);
        await Store.CloseRoundAsync(open.Round with { ClosedAt = T0.AddDays(7) }, [], [], Ct);

        Assert.Equal(2, await Store.CountRoundsAsync(Tokyo, Ct));
        Assert.Equal(1, await Store.CountRoundsAsync(Osaka, Ct));
        Assert.Equal(0, await Store.CountRoundsAsync(CommunityId.For("shell", "local"), Ct));
    }

    [SkippableFact]
    public async Task Attendance_of_every_occurrence_comes_oldest_first_then_by_event_and_member()
    {
        var weekly = Meetup(Tokyo, "weekly", T0);
        var once = Meetup(Tokyo, "once", T0);
        var osaka = Meetup(Osaka, "weekly", T0);
        foreach (var ev in new[] { weekly, once, osaka })
        {
            await Store.SaveEventAsync(ev, [], _ => [], Ct);
        }

        var next = weekly with { Start = T0.AddDays(7) };
        await Store.CloseOccurrenceAsync(next, T0, [Id("b"), Id("a")], [], Ct);
        await Store.CloseOccurrenceAsync(next with { Finished = true, Version = 1 }, next.Start, [Id("a")], [], Ct);
        await Store.CloseOccurrenceAsync(once with { Finished = true }, T0, [Id("c")], [], Ct);
        await Store.CloseOccurrenceAsync(osaka with { Finished = true }, T0, [Id("z")], [], Ct);

        Assert.Equal(
            [
                new EventAttendance(once.Id, T0, Id("c")),
                new EventAttendance(weekly.Id, T0, Id("a")),
                new EventAttendance(weekly.Id, T0, Id("b")),
                new EventAttendance(weekly.Id, T0.AddDays(7), Id("a")),
            ],
            await Store.ListAttendanceAsync(Tokyo, Ct));
        Assert.Equal([new EventAttendance(osaka.Id, T0, Id("z"))], await Store.ListAttendanceAsync(Osaka, Ct));
    }

    [SkippableFact]
    public async Task Connect_presses_come_oldest_first_answered_or_not_and_of_their_community_only()
    {
        var party = Meetup(Tokyo, "party", T0);
        var talk = Meetup(Tokyo, "talk", T0);
        foreach (var ev in new[] { party, talk, Meetup(Osaka, "party", T0) })
        {
            await Store.SaveEventAsync(ev, [], _ => [], Ct);
        }

        await Store.WishConnectionAsync(Tokyo, talk.Id, Id("b"), Id("a"), T0.AddHours(3), Ct);
        await Store.WishConnectionAsync(Tokyo, party.Id, Id("b"), Id("a"), T0.AddHours(3), Ct);
        await Store.WishConnectionAsync(Tokyo, party.Id, Id("a"), Id("b"), T0.AddHours(3), Ct);
        await Store.WishConnectionAsync(Tokyo, party.Id, Id("c"), Id("a"), T0.AddHours(2), Ct);
        await Store.WishConnectionAsync(Osaka, party.Id, Id("x"), Id("y"), T0, Ct);

        Assert.Equal(
            [
                new EventConnect(party.Id, Id("c"), Id("a"), T0.AddHours(2)),
                new EventConnect(party.Id, Id("a"), Id("b"), T0.AddHours(3)),
                new EventConnect(party.Id, Id("b"), Id("a"), T0.AddHours(3)),
                new EventConnect(talk.Id, Id("b"), Id("a"), T0.AddHours(3)),
            ],
            await Store.ListEventConnectsAsync(Tokyo, Ct));
        Assert.Equal([new EventConnect(party.Id, Id("x"), Id("y"), T0)], await Store.ListEventConnectsAsync(Osaka, Ct));
    }

    [SkippableFact]
    public async Task Round_tallies_count_groups_members_answers_and_met_pairs_by_industry_of_their_community_only()
    {
        Member Joined(string id, string? industry, DateTimeOffset joinedAt, bool optedIn = true) =>
            Member(Tokyo, id, coffee: new CoffeeEnrollment(optedIn, null, false)) with { Profile = Profile.Empty with { Industry = industry }, JoinedAt = joinedAt };
        await Store.SaveMembersAsync(
            [
                Joined("u1", "Finance", T0), Joined("u2", "IT", T0), Joined("u3", null, T0), Joined("u4", "finance ", T0),
                Joined("u5", "IT", T0), Joined("u6", "IT", T0.AddDays(1)), Joined("u7", "IT", T0, optedIn: false),
                Joined("u8", "Retail", T0), Joined("u9", "Retail", T0),
            ],
            Ct);
        await Store.SaveMembersAsync([Member(Osaka, "u1"), Member(Osaka, "u2")], Ct);

        // The older round: a trio and a pair with a member the community no longer has both met; one pair never answered.
        var older = Open(Round(Tokyo, T0, ["u1", "u2", "u3"], ["u4", "gone"], ["u8", "u9"]));
        var newer = Open(Round(Tokyo, T0.AddDays(7), ["u4", "u1"]));
        var osaka = Open(Round(Osaka, T0.AddDays(14), ["u1", "u2"]));
        foreach (var round in new[] { older, newer, osaka })
        {
            await Store.SaveRoundAsync(round, new([], null), [], Ct);
        }

        await RecordAnswerAsync(Tokyo, Answer(older, 0, "u1", MeetingOutcome.Met, T0), MeetingOutcome.Met, []);
        await RecordAnswerAsync(Tokyo, Answer(older, 0, "u2", MeetingOutcome.Met, T0), MeetingOutcome.Met, []);
        await RecordAnswerAsync(Tokyo, Answer(older, 1, "u4", MeetingOutcome.Met, T0), MeetingOutcome.Met, []);
        await RecordAnswerAsync(Tokyo, Answer(newer, 0, "u1", MeetingOutcome.Met, T0.AddDays(7)), MeetingOutcome.Met, []);
        await RecordAnswerAsync(Osaka, Answer(osaka, 0, "u1", MeetingOutcome.Met, T0.AddDays(14)), MeetingOutcome.Met, []);

        var tallies = await Store.ListRoundTalliesAsync(Tokyo, 10, Ct);

        Assert.Equal([older.Round.Id, newer.Round.Id], tallies.Select(t => t.Round.Id));
        Assert.Equal(
            (3, 2, 7, 5, 3, 8, 1),
            (tallies[0].Groups, tallies[0].MetGroups, tallies[0].Matched, tallies[0].Met, tallies[0].Answered, tallies[0].Members, tallies[0].Paused));
        (string?, string?, int)[] olderPairs = [(null, "Finance", 1), (null, "IT", 1), (null, "finance ", 1), ("Finance", "IT", 1)];
        Assert.Equal(olderPairs, Pairs(tallies[0]));
        Assert.Equal(
            (1, 1, 2, 2, 1, 9, 6),
            (tallies[1].Groups, tallies[1].MetGroups, tallies[1].Matched, tallies[1].Met, tallies[1].Answered, tallies[1].Members, tallies[1].Paused));
        (string?, string?, int)[] newerPairs = [("Finance", "finance ", 1)];
        Assert.Equal(newerPairs, Pairs(tallies[1]));
        Assert.Equal([newer.Round.Id], (await Store.ListRoundTalliesAsync(Tokyo, 1, Ct)).Select(t => t.Round.Id));
        Assert.Empty(await Store.ListRoundTalliesAsync(Tokyo, 0, Ct));
        var other = Assert.Single(await Store.ListRoundTalliesAsync(Osaka, 10, Ct));
        Assert.Equal((1, 1, 2, 1, 2, 0), (other.Groups, other.MetGroups, other.Matched, other.Answered, other.Members, other.Paused));
    }

    [SkippableFact]
    public async Task Members_are_counted_opted_in_and_available_as_of_the_day_asked()
    {
        var today = new DateOnly(2025, 4, 10);
        await Store.SaveMembersAsync(
            [
                Member(Tokyo, "available"),
                Member(Tokyo, "paused", coffee: new CoffeeEnrollment(true, today.AddDays(1), false)),
                Member(Tokyo, "back today", coffee: new CoffeeEnrollment(true, today, false)),
                Member(Tokyo, "skipping", coffee: new CoffeeEnrollment(true, null, true)),
                Member(Tokyo, "not in", coffee: new CoffeeEnrollment(false, null, false)),
                Member(Osaka, "elsewhere"),
            ],
            Ct);

        Assert.Equal(new MemberCounts(5, 4, 2), await Store.CountMembersAsync(Tokyo, today, Ct));
        Assert.Equal(new MemberCounts(1, 1, 1), await Store.CountMembersAsync(Osaka, today, Ct));
        Assert.Equal(new MemberCounts(0, 0, 0), await Store.CountMembersAsync(CommunityId.For("shell", "local"), today, Ct));
    }

    [SkippableFact]
    public async Task Member_activity_counts_each_members_rounds_answers_and_connections_and_finds_their_last_round_in_their_community_only()
    {
        await Store.SaveMembersAsync([.. new[] { "u1", "u2", "u3", "u4", "u5", "never" }.Select(id => Member(Tokyo, id))], Ct);
        await Store.SaveMembersAsync([Member(Osaka, "u1"), Member(Osaka, "u2")], Ct);

        // A trio and a pair; a week later a pair a late joiner is added to; a week later a pair with a member since gone.
        var first = Open(Round(Tokyo, T0, ["u1", "u2", "u3"], ["u4", "u5"]));
        var second = Open(Round(Tokyo, T0.AddDays(7), ["u1", "u4"]));
        var third = Open(Round(Tokyo, T0.AddDays(14), ["u5", "gone"]));
        var osaka = Open(Round(Osaka, T0.AddDays(21), ["u1", "u2"]));
        foreach (var round in new[] { first, second, third, osaka })
        {
            await Store.SaveRoundAsync(round, new([], null), [], Ct);
        }

        await Store.AddGroupMemberAsync(Tokyo, second.Groups[0].Id, Id("u2"), [], Ct);
        await RecordAnswerAsync(
            Tokyo,
            Answer(first, 0, "u1", MeetingOutcome.Met, T0),
            MeetingOutcome.Met,
            [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0), Connection.Between(Tokyo, Id("u1"), Id("u3"), T0), Connection.Between(Tokyo, Id("u2"), Id("u3"), T0)]);
        await RecordAnswerAsync(Tokyo, Answer(first, 0, "u2", MeetingOutcome.Met, T0), MeetingOutcome.Met, []);
        await RecordAnswerAsync(Tokyo, Answer(first, 1, "u4", MeetingOutcome.Met, T0), MeetingOutcome.Met, [Connection.Between(Tokyo, Id("u4"), Id("u5"), T0)]);
        await RecordAnswerAsync(Tokyo, Answer(second, 0, "u1", MeetingOutcome.Met, T0.AddDays(7)), MeetingOutcome.Met, [Connection.Between(Tokyo, Id("u1"), Id("u4"), T0.AddDays(7))]);
        await RecordAnswerAsync(Osaka, Answer(osaka, 0, "u1", MeetingOutcome.Met, T0.AddDays(21)), MeetingOutcome.Met, [Connection.Between(Osaka, Id("u1"), Id("u2"), T0.AddDays(21))]);

        var activity = await Store.ListMemberActivityAsync(Tokyo, Ct);

        MemberActivity Grouped(string member, RoundRecord last, int rounds, int answers, int connections) =>
            new(Id(member), last.Round.Id, last.Round.StartedAt, rounds, answers, connections);
        Assert.Equal(
            [
                new MemberActivity(Id("never"), null, null, 0, 0, 0),
                Grouped("u1", second, 2, 2, 3),
                Grouped("u2", second, 2, 1, 2),
                Grouped("u3", first, 1, 0, 2),
                Grouped("u4", second, 2, 1, 2),
                Grouped("u5", third, 2, 0, 1),
            ],
            activity);
        Assert.Equal(await FromRoundsAsync(Tokyo), activity);
        Assert.Equal([Grouped("u1", osaka, 1, 1, 1), Grouped("u2", osaka, 1, 0, 1)], await Store.ListMemberActivityAsync(Osaka, Ct));
        Assert.Empty(await Store.ListMemberActivityAsync(CommunityId.For("shell", "local"), Ct));
    }

    /// <summary>The members' activity worked out from what the rounds' groups, their answers and the connections say.</summary>
    private async Task<List<MemberActivity>> FromRoundsAsync(CommunityId community)
    {
        var rounds = await Store.ListRoundsAsync(community, int.MaxValue, Ct);
        var answers = new List<GroupAnswer>();
        foreach (var round in rounds)
        {
            answers.AddRange(await Store.ListAnswersAsync(community, round.Round.Id, Ct));
        }

        var connections = await Store.ListCommunityConnectionsAsync(community, Ct);
        return [.. (await Store.ListMembersAsync(community, Ct))
            .Select(m =>
            {
                var grouped = rounds.Where(r => r.Groups.Any(g => g.Members.Contains(m.Id))).ToList();
                return new MemberActivity(
                    m.Id,
                    grouped.LastOrDefault()?.Round.Id,
                    grouped.LastOrDefault()?.Round.StartedAt,
                    grouped.Count,
                    answers.Count(a => a.Member == m.Id),
                    connections.Count(c => c.A == m.Id || c.B == m.Id));
            })
            .OrderBy(a => a.Member.Value, StringComparer.Ordinal)];
    }

    /// <summary>The tally's industry pairs in one order: each pair's industries ordinally (null first), then the pairs.</summary>
    private static List<(string?, string?, int)> Pairs(RoundTally tally) =>
        [.. tally.MetPairs
            .Select(p => string.CompareOrdinal(p.A, p.B) <= 0 ? (p.A, p.B, p.Pairs) : (p.B, p.A, p.Pairs))
            .GroupBy(p => (p.Item1, p.Item2))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Sum(p => p.Item3)))
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal)];

    private static Event Meetup(CommunityId community, string id, DateTimeOffset start) =>
        new(community, new EventId(id), "Meetup", null, start, TimeSpan.FromHours(1), "Asia/Tokyo", null, null, Cancelled: false);
}
