using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// A JSON body with one file, as Discord takes uploads: <c>multipart/form-data</c> with the JSON in
/// <c>payload_json</c>, the file in <c>files[0]</c>, and the message's <c>attachments</c> naming it by that index.
/// </summary>
internal static class MultipartBody
{
    /// <param name="json">The JSON body; <paramref name="attachmentsAt"/> names the object that gets <c>attachments</c>
    /// (<c>data</c> of an interaction callback, or the body itself when null).</param>
    public static (byte[] Body, string ContentType) Build(byte[] json, DiscordFile file, string? attachmentsAt = null)
    {
        var payload = JsonNode.Parse(json)!.AsObject();
        var message = attachmentsAt is null ? payload : payload[attachmentsAt]?.AsObject() ?? throw new ArgumentException($"The body has no '{attachmentsAt}' object.", nameof(attachmentsAt));
        message["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = file.Name });

        var boundary = "networkbot-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var body = new MemoryStream();
        Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n");
        Write(body, payload.ToJsonString());
        Write(body, $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"{Quoted(file.Name)}\"\r\nContent-Type: {file.ContentType}\r\n\r\n");
        body.Write(file.Content);
        Write(body, $"\r\n--{boundary}--\r\n");
        return (body.ToArray(), $"multipart/form-data; boundary={boundary}");
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static string Quoted(string name) => name.Replace("\"", "'", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
}
