using System.Text;
using System.Text.Json.Nodes;

namespace NetworkBot.Slack.Tests.Http;

/// <summary>Form bodies the way Slack encodes them: every value percent-encoded, non-string values as JSON text.</summary>
internal static class SlackForm
{
    public static string Encode(JsonObject fields) => string.Join('&', fields.Select(f =>
        $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : f.Value!.ToJsonString())}"));

    /// <summary>An interactivity request: <c>payload=</c> and the URL-encoded JSON.</summary>
    public static string Payload(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    public static byte[] Utf8(string body) => Encoding.UTF8.GetBytes(body);
}
