using System.Security.Cryptography;
using System.Text.Json;
using NetworkBot.Slack.Inbound;

namespace NetworkBot.Slack.Http;

/// <summary>
/// A verified HTTP-mode body read as Socket Mode would carry it (PROTOCOLS §6.2): a slash command's form fields as
/// a JSON object, an interaction's <c>payload=</c> JSON, an Events API body, or a <c>url_verification</c> challenge.
/// </summary>
internal sealed record SlackHttpBody(JsonElement Payload, string DeliveryId, string? EventId, string? Challenge)
{
    /// <summary>Null when the body is not what Slack sends for <paramref name="kind"/>.</summary>
    public static SlackHttpBody? TryParse(SlackInboundKind kind, ReadOnlySpan<byte> body)
    {
        try
        {
            return kind switch
            {
                SlackInboundKind.SlashCommand => FromCommand(body),
                SlackInboundKind.Interactive => FromInteraction(body),
                _ => FromEvent(body),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private static SlackHttpBody? FromCommand(ReadOnlySpan<byte> body)
    {
        var fields = SlackJson.FormToObject(body);
        return fields.ContainsKey("command") ? new SlackHttpBody(SlackJson.ToElement(fields), HashOf(body), null, null) : null;
    }

    private static SlackHttpBody? FromInteraction(ReadOnlySpan<byte> body)
    {
        var payload = SlackJson.FormField(body, "payload") is { } json ? SlackJson.Parse(System.Text.Encoding.UTF8.GetBytes(json)) : default;
        return SlackJson.String(payload, "type") is null ? null : new SlackHttpBody(payload, HashOf(body), null, null);
    }

    private static SlackHttpBody? FromEvent(ReadOnlySpan<byte> body)
    {
        var payload = SlackJson.Parse(body);
        if (SlackJson.String(payload, "type") == "url_verification")
        {
            return SlackJson.String(payload, "challenge") is { } challenge ? new SlackHttpBody(payload, HashOf(body), null, challenge) : null;
        }

        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // event_id is the same on every retry; a body without one can only be recognised by its bytes.
        var eventId = SlackJson.String(payload, "event_id") is { Length: > 0 } id ? id : null;
        return new SlackHttpBody(payload, eventId ?? HashOf(body), eventId, null);
    }

    /// <summary>Commands and interactions carry no delivery id; Slack's retry of a request repeats its body exactly.</summary>
    private static string HashOf(ReadOnlySpan<byte> body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
}
