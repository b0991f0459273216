using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.SocketMode;
using NetworkBot.Slack.Tests.Fakes;
using NetworkBot.Slack.Tests.Fixtures;

namespace NetworkBot.Slack.Tests.SocketMode;

public sealed class SlackSocketModeTests
{
    private const string SlashCommand = """{"team_id":"T111","channel_id":"C111","user_id":"U111","command":"/network","text":"coffee join","trigger_id":"111.222.xxx","response_url":"https://hooks.slack.com/commands/T111/1/x"}""";

    private static string Event(string eventId) =>
        $$$"""{"type":"event_callback","team_id":"T111","api_app_id":"A111","event_id":"{{{eventId}}}","event_time":1610241741,"event":{"type":"app_mention","user":"U222","text":"<@U111> hi","channel":"C111","ts":"1610241741.000200"}}""";

    [Fact]
    public async Task Hello_then_an_envelope_reaches_the_consumer_and_is_acked_with_its_payload()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        var slack = await bot.Slack.NextConnectionAsync(bot.Timeout);
        var fixture = SlackFixtures.Object("socket_envelope_slash_commands.python-sdk.json");

        await slack.SendAsync(fixture.ToJsonString(), bot.Timeout);
        var inbound = await bot.NextInboundAsync();
        Assert.True(await inbound.AckAsync(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Joined coffee chats" }));
        var ack = await slack.ReceiveAsync(bot.Timeout);

        Assert.Equal(SlackInboundKind.SlashCommand, inbound.Kind);
        Assert.Equal("/hello-socket-mode", inbound.Type);
        Assert.Equal("1d3c79ab-0ffb-41f3-a080-d19e85f53649", inbound.DeliveryId);
        Assert.Equal("U111", inbound.Payload.GetProperty("user_id").GetString());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"envelope_id":"1d3c79ab-0ffb-41f3-a080-d19e85f53649","payload":{"response_type":"ephemeral","text":"Joined coffee chats"}}"""),
            JsonNode.Parse(ack.GetRawText())));
    }

    [Fact]
    public async Task Without_a_consumer_ack_the_transport_acks_empty_at_the_deadline()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        var slack = await bot.Slack.NextConnectionAsync(bot.Timeout);

        var envelopeId = await slack.SendEnvelopeAsync("slash_commands", SlashCommand, bot.Timeout);
        var inbound = await bot.NextInboundAsync();
        bot.Time.Advance(SlackInbound.AckDeadline - TimeSpan.FromMilliseconds(1));
        Assert.False(inbound.IsAcknowledged);
        bot.Time.Advance(TimeSpan.FromMilliseconds(1));
        var ack = await slack.ReceiveAsync(bot.Timeout);

        Assert.Equal($$"""{"envelope_id":"{{envelopeId}}"}""", ack.GetRawText());
        Assert.True(SlackInbound.AckDeadline < TimeSpan.FromSeconds(3));
        Assert.False(await inbound.AckAsync(new JsonObject { ["text"] = "too late" }));
    }

    [Fact]
    public async Task A_redelivered_envelope_is_acked_again_but_reaches_consumers_once()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        var slack = await bot.Slack.NextConnectionAsync(bot.Timeout);

        var envelopeId = await slack.SendEnvelopeAsync("events_api", Event("Ev111"), bot.Timeout);
        var first = await bot.NextInboundAsync();
        await first.AckAsync(null);
        var firstAck = await slack.ReceiveAsync(bot.Timeout);
        await slack.SendEnvelopeAsync("events_api", Event("Ev111"), bot.Timeout, envelopeId, retryAttempt: 1);
        var secondAck = await slack.ReceiveAsync(bot.Timeout);
        await slack.SendEnvelopeAsync("events_api", Event("Ev222"), bot.Timeout);
        var next = await bot.NextInboundAsync();

        Assert.Equal("Ev111", first.EventId);
        Assert.Equal(envelopeId, firstAck.GetProperty("envelope_id").GetString());
        Assert.Equal(envelopeId, secondAck.GetProperty("envelope_id").GetString());
        Assert.Equal("Ev222", next.EventId);
    }

    [Fact]
    public async Task Refresh_opens_the_next_connection_and_hears_its_hello_before_closing_the_old_one()
    {
        await using var bot = await SocketModeHarness.StartAsync(autoHello: false);
        var old = await bot.Slack.NextConnectionAsync(bot.Timeout);
        await old.HelloAsync(bot.Timeout);

        await old.DisconnectAsync("refresh_requested", bot.Timeout);
        var next = await bot.Slack.NextConnectionAsync(bot.Timeout);

        // The overlap: the old socket still delivers and acknowledges while the next one has not said hello.
        var during = await old.SendEnvelopeAsync("slash_commands", SlashCommand, bot.Timeout);
        var inbound = await bot.NextInboundAsync();
        await inbound.AckAsync(new JsonObject { ["text"] = "ok" });
        var ack = await old.ReceiveAsync(bot.Timeout);
        Assert.False(old.Closed.IsCompleted);

        await next.HelloAsync(bot.Timeout, numConnections: 2);
        var closedWith = await old.Closed.WaitAsync(bot.Timeout);
        var after = await next.SendEnvelopeAsync("events_api", Event("Ev333"), bot.Timeout);
        var later = await bot.NextInboundAsync();
        await later.AckAsync(null);
        var laterAck = await next.ReceiveAsync(bot.Timeout);

        Assert.Equal(during, inbound.DeliveryId);
        Assert.Equal(during, ack.GetProperty("envelope_id").GetString());
        Assert.Equal(1000, closedWith);
        Assert.Equal(after, laterAck.GetProperty("envelope_id").GetString());
        Assert.False(next.Closed.IsCompleted);
        Assert.Equal(2, bot.Slack.ConnectionCount);
    }

    [Fact]
    public async Task The_same_event_on_two_sockets_reaches_consumers_once_and_is_acked_on_each()
    {
        await using var bot = await SocketModeHarness.StartAsync(autoHello: false);
        var old = await bot.Slack.NextConnectionAsync(bot.Timeout);
        await old.HelloAsync(bot.Timeout);
        await old.DisconnectAsync("warning", bot.Timeout);
        var next = await bot.Slack.NextConnectionAsync(bot.Timeout);

        var onOld = await old.SendEnvelopeAsync("events_api", Event("Ev444"), bot.Timeout);
        var inbound = await bot.NextInboundAsync();
        await inbound.AckAsync(null);
        var oldAck = await old.ReceiveAsync(bot.Timeout);
        var onNext = await next.SendEnvelopeAsync("events_api", Event("Ev444"), bot.Timeout);
        var nextAck = await next.ReceiveAsync(bot.Timeout);
        await next.HelloAsync(bot.Timeout, numConnections: 2);
        await next.SendEnvelopeAsync("events_api", Event("Ev555"), bot.Timeout);
        var following = await bot.NextInboundAsync();

        Assert.Equal(onOld, oldAck.GetProperty("envelope_id").GetString());
        Assert.Equal(onNext, nextAck.GetProperty("envelope_id").GetString());
        Assert.NotEqual(onOld, onNext);
        Assert.Equal("Ev555", following.EventId);
    }

    [Fact]
    public async Task Too_many_websockets_closes_the_socket_and_backs_off_instead_of_reconnecting_in_a_loop()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        TimeSpan[] waits = [TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)];

        for (var n = 1; n <= waits.Length; n++)
        {
            var slack = await bot.Slack.NextConnectionAsync(bot.Timeout);
            await slack.DisconnectAsync("too_many_websockets", bot.Timeout);
            Assert.Equal(1000, await slack.Closed.WaitAsync(bot.Timeout));

            // Each connection makes two timers: its hello timeout, then the wait after too_many_websockets.
            await bot.Time.WaitForTimersAsync(2 * n);
            bot.Time.Advance(waits[n - 1] - TimeSpan.FromSeconds(1));
            Assert.Equal(n, bot.Slack.ConnectionCount);
            Assert.Equal(n, bot.Slack.OpenCount);
            bot.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await bot.Slack.NextConnectionAsync(bot.Timeout);
        Assert.Equal(5, bot.Slack.ConnectionCount);
        Assert.Single(bot.LogLines("Warning"), l => l.Contains("too_many_websockets", StringComparison.Ordinal) && l.Contains("more than 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_socket_that_stays_silent_is_dropped_and_replaced()
    {
        await using var bot = await SocketModeHarness.StartAsync(autoHello: false);
        var silent = await bot.Slack.NextConnectionAsync(bot.Timeout);

        await bot.Time.WaitForTimersAsync(1);
        bot.Time.Advance(SlackSocketMode.HelloTimeout);
        await silent.Closed.WaitAsync(bot.Timeout);
        await bot.Time.WaitForTimersAsync(2);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var next = await bot.Slack.NextConnectionAsync(bot.Timeout);
        await next.HelloAsync(bot.Timeout);
        var envelopeId = await next.SendEnvelopeAsync("slash_commands", SlashCommand, bot.Timeout);
        var inbound = await bot.NextInboundAsync();

        Assert.Equal(envelopeId, inbound.DeliveryId);
        Assert.Contains(bot.LogLines("Warning"), l => l.Contains("no hello", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_half_open_socket_that_stops_answering_pings_is_dropped_and_replaced()
    {
        // The pong timeout is the runtime's (ClientWebSocket keeps it), so this one runs on a short real interval.
        await using var bot = await SocketModeHarness.StartAsync(keepAlive: TimeSpan.FromMilliseconds(200), halfOpen: 1);
        var halfOpen = await bot.Slack.NextConnectionAsync(bot.Timeout);

        // It dropped right after its hello, which counts as a failure: the next connect waits (hello timeout, then backoff timer).
        await bot.Time.WaitForTimersAsync(2);
        Assert.Equal(1, bot.Slack.ConnectionCount);
        bot.Time.Advance(TimeSpan.FromSeconds(1));

        var next = await bot.Slack.NextConnectionAsync(bot.Timeout);
        var envelopeId = await next.SendEnvelopeAsync("slash_commands", SlashCommand, bot.Timeout);
        var inbound = await bot.NextInboundAsync();

        Assert.Equal(1, halfOpen.Number);
        Assert.Equal(envelopeId, inbound.DeliveryId);
        Assert.Contains(bot.LogLines("Warning"), l => l.Contains("connection 1 ended: connection lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_socket_that_worked_and_then_drops_is_replaced_at_once_without_a_backoff()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        var worked = await bot.Slack.NextConnectionAsync(bot.Timeout);
        // The bot notes when a connection started as it reads hello, which can come after the fake hands it over.
        while (!bot.LogLines("Information").Any(l => l.Contains("connection 1 ready", StringComparison.Ordinal)))
        {
            await Task.Delay(10, bot.Timeout);
        }

        bot.Time.Advance(TimeSpan.FromSeconds(20));

        worked.Abort();

        // No clock move: a backoff would leave the bot without a socket, and no acknowledgement could reach Slack.
        var next = await bot.Slack.NextConnectionAsync(bot.Timeout);
        var envelopeId = await next.SendEnvelopeAsync("slash_commands", SlashCommand, bot.Timeout);
        Assert.Equal(envelopeId, (await bot.NextInboundAsync()).DeliveryId);
        Assert.Equal(2, next.Number);
    }

    [Fact]
    public async Task A_failed_apps_connections_open_is_retried_after_a_backoff()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        var first = await bot.Slack.NextConnectionAsync(bot.Timeout);
        bot.Slack.OpenError = "ratelimited";
        await first.DisconnectAsync("refresh_requested", bot.Timeout);

        // The replacement's apps.connections.open fails: the old socket is closed, one more attempt fails, then it waits.
        await first.Closed.WaitAsync(bot.Timeout);
        await bot.Time.WaitForTimersAsync(2);
        var opensBeforeWait = bot.Slack.OpenCount;
        bot.Slack.OpenError = null;
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var next = await bot.Slack.NextConnectionAsync(bot.Timeout);

        Assert.Equal(3, opensBeforeWait);
        Assert.Equal(2, next.Number);
        Assert.Contains(bot.LogLines("Warning"), l => l.Contains("apps.connections.open failed: ratelimited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Socket_mode_turned_off_for_the_app_stops_with_one_clear_log_line()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        var slack = await bot.Slack.NextConnectionAsync(bot.Timeout);

        await slack.DisconnectAsync("link_disabled", bot.Timeout);
        var error = await Assert.ThrowsAsync<SlackSocketModeFatalException>(() => bot.Run.WaitAsync(bot.Timeout));

        Assert.Equal("link_disabled", error.Error);
        Assert.Equal(1000, await slack.Closed.WaitAsync(bot.Timeout));
        Assert.Single(bot.LogLines("Critical"));
        Assert.Equal(1, bot.Slack.OpenCount);
    }

    [Fact]
    public async Task Several_connections_each_acknowledge_what_they_got_and_stop_together_when_one_is_disabled()
    {
        await using var bot = await SocketModeHarness.StartAsync(connections: 3);
        var slack = new[] { await bot.Slack.NextConnectionAsync(bot.Timeout), await bot.Slack.NextConnectionAsync(bot.Timeout), await bot.Slack.NextConnectionAsync(bot.Timeout) };

        foreach (var (connection, n) in slack.Select((c, n) => (c, n)))
        {
            var id = await connection.SendEnvelopeAsync("events_api", $$$"""{"type":"event_callback","event_id":"Ev{{{n}}}","event":{"type":"app_home_opened"}}""", bot.Timeout, $"envelope-{n}");
            await (await bot.NextInboundAsync()).AckAsync(null);
            var ack = await connection.ReceiveAsync(bot.Timeout);
            Assert.Equal(id, ack.GetProperty("envelope_id").GetString());
        }

        await slack[1].DisconnectAsync("link_disabled", bot.Timeout);
        await Assert.ThrowsAsync<SlackSocketModeFatalException>(() => bot.Run.WaitAsync(bot.Timeout));

        foreach (var connection in slack)
        {
            Assert.Equal(1000, await connection.Closed.WaitAsync(bot.Timeout));
        }

        Assert.Equal(3, bot.Slack.OpenCount);
    }

    [Fact]
    public async Task A_refused_app_token_stops_socket_mode_with_one_clear_log_line()
    {
        const string wrongToken = "xapp-1-A111-1-revoked";
        await using var bot = await SocketModeHarness.StartAsync(appToken: wrongToken);

        var error = await Assert.ThrowsAsync<SlackSocketModeFatalException>(() => bot.Run.WaitAsync(bot.Timeout));

        Assert.Equal("invalid_auth", error.Error);
        Assert.Equal(1, bot.Slack.OpenCount);
        Assert.Equal(0, bot.Slack.ConnectionCount);
        var line = Assert.Single(bot.LogLines("Critical"));
        Assert.Contains("invalid_auth", line, StringComparison.Ordinal);
        Assert.Contains("Slack:AppToken", line, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, string.Join('\n', bot.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_ack_is_valid_json_with_the_envelope_id()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        var slack = await bot.Slack.NextConnectionAsync(bot.Timeout);

        var envelopeId = await slack.SendEnvelopeAsync("interactive", """{"type":"view_submission","view":{"callback_id":"intro"}}""", bot.Timeout);
        var inbound = await bot.NextInboundAsync();
        await inbound.AckAsync(JsonNode.Parse("""{"response_action":"errors","errors":{"pitch":"自己紹介を入力してください"}}"""));
        var ack = await slack.ReceiveAsync(bot.Timeout);

        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        Assert.Equal("errors", ack.GetProperty("payload").GetProperty("response_action").GetString());
        Assert.Equal("自己紹介を入力してください", ack.GetProperty("payload").GetProperty("errors").GetProperty("pitch").GetString());
        Assert.Equal(JsonValueKind.Object, inbound.Payload.ValueKind);
        Assert.Equal("view_submission", inbound.Type);
    }
}
