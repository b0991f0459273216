using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class ConnectionStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Member_connections_come_newest_first_whichever_side_the_member_is_on()
    {
        var round = Open(Round(Tokyo, T0, ["u2", "u1", "u3", "u4"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        var connections = new[]
        {
            Connection.Between(Tokyo, Id("u2"), Id("u1"), T0.AddDays(1)),
            Connection.Between(Tokyo, Id("u2"), Id("u3"), T0.AddDays(3)),
            Connection.Between(Tokyo, Id("u1"), Id("u3"), T0.AddDays(2)),
            Connection.Between(Tokyo, Id("u2"), Id("u4"), T0.AddDays(3)),
        };

        await RecordAnswerAsync(Tokyo, Answer(round, 0, "u2", MeetingOutcome.Met, T0), MeetingOutcome.Met, connections);

        Assert.Equal([connections[1], connections[3], connections[0]], await Store.ListConnectionsAsync(Tokyo, Id("u2"), Ct));
        Assert.Empty(await Store.ListConnectionsAsync(Tokyo, Id("u9"), Ct));
    }

    [SkippableFact]
    public async Task Counting_connections_includes_those_made_exactly_at_the_start()
    {
        var round = Open(Round(Tokyo, T0, ["u1", "u2", "u3"]));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        await RecordAnswerAsync(
            Tokyo,
            Answer(round, 0, "u1", MeetingOutcome.Met, T0),
            MeetingOutcome.Met,
            [
                Connection.Between(Tokyo, Id("u1"), Id("u2"), T0.AddTicks(-1)),
                Connection.Between(Tokyo, Id("u1"), Id("u3"), T0),
                Connection.Between(Tokyo, Id("u2"), Id("u3"), T0.AddDays(1)),
            ]);

        Assert.Equal(2, await Store.CountConnectionsSinceAsync(Tokyo, T0, Ct));
        Assert.Equal(3, await Store.CountConnectionsSinceAsync(Tokyo, DateTimeOffset.MinValue, Ct));
        Assert.Equal(0, await Store.CountConnectionsSinceAsync(Tokyo, T0.AddDays(2), Ct));
    }
}
