using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Tests.Fakes;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// <see cref="SlackSurface"/> over Socket Mode: the bot connects to the fake's WebSocket (its URL from
/// <c>apps.connections.open</c> on the fake Web API), and every command, press, submission and event is an envelope on
/// that socket whose acknowledgement may carry the answer.
/// </summary>
public sealed class SlackSocketModeSurface : SlackSurface
{
    private FakeSlackSocket? socket;
    private FakeSlackConnection? connection;
    private int tickets;

    protected override async Task ConfigureAsync(Dictionary<string, string?> settings, CancellationToken ct)
    {
        socket = await FakeSlackSocket.StartAsync(autoHello: true);
        var host = socket.ApiBaseUrl.Authority;
        Api.Handle("apps.connections.open", call => call.Authorization == $"Bearer {FakeSlackSocket.AppToken}"
            ? new JsonObject { ["ok"] = true, ["url"] = $"ws://{host}{FakeSlackSocket.SocketPath}?ticket={Interlocked.Increment(ref tickets)}&app_id={FakeSlackSocket.AppId}" }
            : new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });
        settings["Slack:AppToken"] = FakeSlackSocket.AppToken;
        settings["Urls"] = "http://127.0.0.1:0";
    }

    protected override async Task ReadyAsync(CancellationToken ct) =>
        connection = await socket!.NextConnectionAsync(ct);

    protected override async Task<JsonObject?> SendAsync(string type, JsonObject payload, CancellationToken ct)
    {
        var envelope = await connection!.SendEnvelopeAsync(type, payload.ToJsonString(), ct);
        while (true)
        {
            var frame = await connection.ReceiveAsync(ct);
            if (frame.TryGetProperty("envelope_id", out var id) && id.GetString() == envelope)
            {
                return frame.TryGetProperty("payload", out var ack) && ack.ValueKind == JsonValueKind.Object
                    ? JsonNode.Parse(ack.GetRawText())!.AsObject()
                    : null;
            }
        }
    }

    protected override async ValueTask DisposeTransportAsync()
    {
        if (socket is not null)
        {
            await socket.DisposeAsync();
        }
    }
}
