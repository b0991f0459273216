using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
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

    private static Event Meetup(CommunityId community, string id, DateTimeOffset start) =>
        new(community, new EventId(id), "Meetup", null, start, TimeSpan.FromHours(1), "Asia/Tokyo", null, null, Cancelled: false);
}
