using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace NetworkBot.Slack.Inbound;

/// <summary>
/// Turns what Slack sends into the one payload shape consumers see, whichever transport carried it: Socket Mode
/// sends a slash command's fields as a JSON object, HTTP mode as a form body, so the form becomes that object.
/// </summary>
internal static class SlackJson
{
    /// <summary>Form fields Slack sends as JSON booleans over Socket Mode.</summary>
    private static readonly HashSet<string> BooleanFields = new(StringComparer.Ordinal) { "is_enterprise_install" };

    /// <summary>
    /// The fields of an <c>application/x-www-form-urlencoded</c> body as a JSON object of strings (the last value
    /// wins for a repeated field). <c>+</c> is a space, <c>%XX</c> are UTF-8 bytes.
    /// </summary>
    public static JsonObject FormToObject(ReadOnlySpan<byte> body)
    {
        var fields = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        var json = new JsonObject();
        foreach (var (name, values) in fields)
        {
            var value = values.Count > 0 ? values[^1] ?? "" : "";
            json[name] = BooleanFields.Contains(name) && bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(value);
        }

        return json;
    }

    /// <summary>A form field, decoded; null when the body lacks it.</summary>
    public static string? FormField(ReadOnlySpan<byte> body, string name) =>
        new FormReader(Encoding.UTF8.GetString(body)).ReadForm().TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>A JsonElement that owns its memory (it outlives any buffer it was read from).</summary>
    public static JsonElement ToElement(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return Parse(buffer.WrittenSpan);
    }

    /// <summary>Parses and detaches the root from the document, so the bytes can be reused.</summary>
    public static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The string at a path of object properties (<c>user</c>, <c>id</c>); null when any step is missing.</summary>
    public static string? StringAt(JsonElement element, params string[] path)
    {
        foreach (var name in path[..^1])
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return String(element, path[^1]);
    }
}
