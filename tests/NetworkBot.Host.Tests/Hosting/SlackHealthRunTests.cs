using System.Net;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Tests.Fakes;
using static NetworkBot.Host.Tests.Hosting.ProbedRun;

namespace NetworkBot.Host.Tests.Hosting;

/// <summary>
/// <c>/readyz</c> and <c>/metrics</c> of the real <c>networkbot run</c> against a fake Slack on 127.0.0.1: Socket Mode
/// is ready once Slack said <c>hello</c> on a live connection, HTTP mode once <c>auth.test</c> passed.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class SlackHealthRunTests : IAsyncLifetime
{
    private readonly ProbedRun probe = new();
    private FakeSlackApi api = null!;
    private FakeSlackSocket socket = null!;

    private CliRunner Cli => probe.Cli;

    private CancellationToken Guard => probe.Guard;

    public async Task InitializeAsync()
    {
        api = await FakeSlackApi.StartAsync();
        socket = await FakeSlackSocket.StartAsync();
        api.AddUser("U0AIKO", "aiko");
        var socketHost = socket.ApiBaseUrl.Authority;
        api.Handle("apps.connections.open", _ => new JsonObject { ["ok"] = true, ["url"] = $"ws://{socketHost}{FakeSlackSocket.SocketPath}?app_id={FakeSlackSocket.AppId}" });
        Cli.Settings["Slack:BotToken"] = "xoxb-fake-bot-token";
        Cli.Settings["Slack:ApiBaseUrl"] = api.BaseUrl.ToString();
    }

    public async Task DisposeAsync()
    {
        await probe.DisposeAsync();
        await socket.DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Socket_mode_is_ready_after_hello_counts_a_command_and_a_reconnect_when_the_socket_drops()
    {
        Cli.Settings["Slack:AppToken"] = FakeSlackSocket.AppToken;
        probe.Start();
        var first = await socket.NextConnectionAsync(Guard);

        var waiting = await probe.ReadyzWhenAsync(HttpStatusCode.ServiceUnavailable, r => DetailOf(r, "slack") == "socket mode: connecting");
        Assert.Equal(("unhealthy", "not configured"), (StatusOf(waiting, "slack"), DetailOf(waiting, "discord")));

        await first.HelloAsync(Guard);
        var ready = await probe.ReadyzWhenAsync(HttpStatusCode.OK);
        Assert.Equal("socket mode: hello on connection 1", DetailOf(ready, "slack"));

        var command = new JsonObject
        {
            ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0GENERAL", ["user_id"] = "U0AIKO", ["user_name"] = "aiko",
            ["command"] = "/network", ["text"] = "coffee join", ["trigger_id"] = "trigger-1", ["api_app_id"] = FakeSlackSocket.AppId,
        };
        await first.SendEnvelopeAsync("slash_commands", command.ToJsonString(), Guard);
        await first.ReceiveAsync(Guard);
        await probe.MetricsWhenAsync(m =>
            Sum(m, "networkbot_interactions_total", ("platform", "slack"), ("kind", "command")) == 1
            && Sum(m, "networkbot_interaction_answer_duration_seconds_count", ("platform", "slack")) == 1);

        first.Abort();
        var second = await socket.NextConnectionAsync(Guard);
        var down = await probe.ReadyzWhenAsync(HttpStatusCode.ServiceUnavailable);
        Assert.StartsWith("socket mode: ", DetailOf(down, "slack"), StringComparison.Ordinal);
        await probe.MetricsWhenAsync(m => Sum(m, "networkbot_reconnects_total", ("platform", "slack")) == 1);

        await second.HelloAsync(Guard);
        Assert.Equal("socket mode: hello on connection 2", DetailOf(await probe.ReadyzWhenAsync(HttpStatusCode.OK), "slack"));
    }

    [Fact]
    public async Task Http_mode_is_ready_once_auth_test_passed()
    {
        Cli.Settings["Slack:SigningSecret"] = "fake-signing-secret-0123456789ab";
        probe.Start();

        var ready = await probe.ReadyzWhenAsync(HttpStatusCode.OK);

        Assert.Equal("http: auth.test done", DetailOf(ready, "slack"));
        Assert.Equal(0, socket.ConnectionCount);
    }
}
