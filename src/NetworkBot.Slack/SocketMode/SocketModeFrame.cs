using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Inbound;

namespace NetworkBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode message (PROTOCOLS §5): <c>hello</c>, <c>disconnect</c>, or an envelope
/// (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) that must be acknowledged by its <c>envelope_id</c>.
/// </summary>
internal sealed record SocketModeFrame(string Type, JsonElement Root)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";

    public string? EnvelopeId => SlackJson.String(Root, "envelope_id");

    /// <summary>The <c>reason</c> of a disconnect: <c>warning</c>, <c>refresh_requested</c>, <c>too_many_websockets</c>, <c>link_disabled</c>.</summary>
    public string? Reason => SlackJson.String(Root, "reason");

    /// <summary>The envelope's kind; null for frames that are not envelopes and for envelope types this bot does not know.</summary>
    public SlackInboundKind? Kind => Type switch
    {
        "slash_commands" => SlackInboundKind.SlashCommand,
        "interactive" => SlackInboundKind.Interactive,
        "events_api" => SlackInboundKind.Event,
        _ => null,
    };

    public JsonElement Payload => Root.TryGetProperty("payload", out var payload) ? payload : default;

    public string? EventId => Kind == SlackInboundKind.Event ? SlackJson.String(Payload, "event_id") : null;

    public int RetryAttempt => Int(Root, "retry_attempt");

    /// <summary>From <c>hello</c>: how many sockets this app has open, this one included.</summary>
    public int NumConnections => Int(Root, "num_connections");

    /// <summary>From <c>hello</c>: about how long (s) before Slack recycles this socket.</summary>
    public int ApproximateConnectionSeconds => Root.TryGetProperty("debug_info", out var info) ? Int(info, "approximate_connection_time") : 0;

    /// <summary>Reads a whole frame; false when it is not a JSON object with a <c>type</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out SocketModeFrame frame)
    {
        frame = null!;
        JsonElement root;
        try
        {
            root = SlackJson.Parse(utf8);
        }
        catch (JsonException)
        {
            return false;
        }

        if (SlackJson.String(root, "type") is not { } type)
        {
            return false;
        }

        frame = new SocketModeFrame(type, root);
        return true;
    }

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    /// <summary><c>{"envelope_id":"…"}</c>, with <c>"payload":{…}</c> when there is a response.</summary>
    public static byte[] Ack(string envelopeId, JsonNode? payload)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                payload.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
