using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Host.Tests.Instances;

/// <summary>
/// Slack Socket Mode with several connections: two instances on one PostgreSQL database, each holding
/// <c>Slack:SocketConnections</c> = 2, against one fake Socket Mode service that sends each envelope to one connection,
/// as Slack does, and redelivers what a connection did not acknowledge on another.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SlackSocketConnectionsTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const int PerInstance = 2;

    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));
    private readonly List<FakeSlackConnection> connections = [];
    private readonly Dictionary<string, FakeSlackConnection> sentOn = new(StringComparer.Ordinal);
    private SlackInstances? slack;
    private FakeSlackSocket? socket;

    private CancellationToken Guard => guard.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    [PostgresFact]
    public async Task Every_envelope_is_acknowledged_on_the_connection_that_got_it_and_handled_once_while_connections_are_replaced()
    {
        socket = await FakeSlackSocket.StartAsync(autoHello: true);
        slack = await SlackInstances.StartAsync();
        var socketHost = socket.ApiBaseUrl.Authority;
        var tickets = 0;
        slack.Api.Handle("apps.connections.open", _ => new JsonObject
        {
            ["ok"] = true,
            ["url"] = $"ws://{socketHost}{FakeSlackSocket.SocketPath}?ticket={Interlocked.Increment(ref tickets)}&app_id={FakeSlackSocket.AppId}",
        });
        var database = await postgres.CreateDatabaseAsync(Guard);
        for (var instance = 0; instance < 2; instance++)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Slack:AppToken"] = $"xapp-1-{FakeSlackSocket.AppId}-{instance}-fake",
                ["Slack:SocketConnections"] = $"{PerInstance}",
                ["Urls"] = "http://127.0.0.1:0",
            };
            await slack.StartInstanceAsync(database, settings, async ct =>
            {
                for (var i = 0; i < PerInstance; i++)
                {
                    connections.Add(await socket.NextConnectionAsync(ct));
                }
            }, Guard);
        }

        // Instance 0 holds connections 0 and 1, instance 1 holds 2 and 3: each opened its own.
        Assert.All(new[] { 0, 1 }, instance => Assert.Equal(PerInstance, Opened(instance)));

        // Eight members join, their commands spread over the four connections, each answered.
        for (var n = 1; n <= 8; n++)
        {
            var answer = await CommandAsync(connections[n % connections.Count], slack.SlashCommand(Member(n), "coffee join"));
            Assert.Contains(CoffeeTexts.CoffeeJoined.En, answer, StringComparison.Ordinal);
        }

        // Slack redelivers an event whose acknowledgement came late, on any connection: here one of the other instance.
        await AckOfAsync(connections[0], await SendAsync(connections[0], SlackInstances.TeamJoin("Ev0NEWBIE", "U0NEWBIE"), "events_api"));
        await AckOfAsync(connections[2], await SendAsync(connections[2], SlackInstances.TeamJoin("Ev0NEWBIE", "U0NEWBIE"), "events_api", retryAttempt: 1));

        // Slack asks instance 0 to replace connection 1 and still sends on it; the replacement opens before it closes.
        var refreshed = connections[1];
        await refreshed.DisconnectAsync("refresh_requested", Guard);
        var late = await SendAsync(refreshed, slack.SlashCommand(Member(9), "coffee join"));
        var replacement = await socket.NextConnectionAsync(Guard);
        await refreshed.Closed.WaitAsync(Guard);
        Assert.Equal(PerInstance + 1, Opened(0));
        var redelivered = await refreshed.RedeliverUnackedAsync(replacement, Guard);
        sentOn[late] = redelivered.Contains(late) ? replacement : refreshed;
        await AckOfAsync(sentOn[late], late);

        // Connection 3 of instance 1 drops without a close frame; instance 1 opens another and goes on answering there.
        connections[3].Abort();
        var another = await socket.NextConnectionAsync(Guard);
        Assert.Contains(CoffeeTexts.CoffeeJoined.En, await CommandAsync(another, slack.SlashCommand(Member(10), "coffee join")), StringComparison.Ordinal);
        Assert.Equal(PerInstance + 1, Opened(1));

        // Each envelope was acknowledged exactly once, on the connection it was sent on, and nowhere else.
        var acks = socket.Connections.SelectMany(c => c.Received.Where(f => f.TryGetProperty("envelope_id", out _)).Select(f => (Id: f.GetProperty("envelope_id").GetString()!, On: c))).ToList();
        Assert.Equal(sentOn.Keys.Order(StringComparer.Ordinal), acks.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(acks, a => Assert.Same(sentOn[a.Id], a.On));

        // Handled once: ten members in coffee chats, and the new member welcomed once though two instances took the event.
        for (var n = 1; n <= 10; n++)
        {
            Assert.True((await slack.Store.GetMemberAsync(SlackInstances.Workspace, new MemberId(Member(n)), Guard))?.Coffee.Joined, Member(n));
        }

        await slack.AssertWelcomedOnceAsync("U0NEWBIE", async later => await AckOfAsync(connections[2], await SendAsync(connections[2], later, "events_api")), Guard);
    }

    public async Task DisposeAsync()
    {
        if (slack is not null)
        {
            await slack.DisposeAsync();
        }

        if (socket is not null)
        {
            await socket.DisposeAsync();
        }

        guard.Dispose();
    }

    private static string Member(int n) => $"U0MEMBER{n}";

    /// <summary>How many Socket Mode connections instance <paramref name="instance"/> asked for.</summary>
    private int Opened(int instance) =>
        slack!.Api.Calls.Count(c => c.Method == "apps.connections.open" && c.Authorization == $"Bearer xapp-1-{FakeSlackSocket.AppId}-{instance}-fake");

    private async Task<string> SendAsync(FakeSlackConnection connection, JsonObject payload, string type = "slash_commands", int retryAttempt = 0)
    {
        // Ids of our own: the fake numbers connections opened at the same moment alike, and with them its envelope ids.
        var id = await connection.SendEnvelopeAsync(type, payload.ToJsonString(), Guard, $"envelope-{sentOn.Count + 1}", retryAttempt);
        sentOn[id] = connection;
        return id;
    }

    /// <summary>Sends a slash command and returns its answer; its acknowledgement must come on the same connection.</summary>
    private async Task<string> CommandAsync(FakeSlackConnection connection, JsonObject command)
    {
        var ack = await AckOfAsync(connection, await SendAsync(connection, command));
        return await slack!.AnswerAsync(command, ack.TryGetProperty("payload", out var payload) ? payload : null, Guard);
    }

    private async Task<JsonElement> AckOfAsync(FakeSlackConnection connection, string envelopeId)
    {
        while (true)
        {
            var frame = await connection.ReceiveAsync(Guard);
            if (frame.TryGetProperty("envelope_id", out var id) && id.GetString() == envelopeId)
            {
                return frame;
            }
        }
    }
}
