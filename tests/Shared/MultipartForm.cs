namespace NetworkBot.Tests;

/// <summary>
/// The parts of a <c>multipart/form-data</c> body as a fake platform receives it (read as UTF-8 text): each part's
/// <c>name</c>, its <c>filename</c> when it is a file, and its content. Discord's uploads are one such body, a
/// <c>payload_json</c> part and a <c>files[0]</c> part, so a test can read the message and the file a bot sent.
/// </summary>
internal static class MultipartForm
{
    public sealed record Part(string Name, string? FileName, string Content);

    /// <summary>The parts, in order; none when <paramref name="body"/> is not a multipart body.</summary>
    public static IReadOnlyList<Part> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var end = body.IndexOf("\r\n", StringComparison.Ordinal);
        if (!body.StartsWith("--", StringComparison.Ordinal) || end < 0)
        {
            return [];
        }

        var delimiter = "\r\n" + body[..end];
        var parts = new List<Part>();
        foreach (var raw in ("\r\n" + body).Split(delimiter, StringSplitOptions.None).Skip(1))
        {
            if (raw.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = raw[..split];
            parts.Add(new Part(Parameter(headers, "name") ?? string.Empty, Parameter(headers, "filename"), raw[(split + 4)..]));
        }

        return parts;
    }

    /// <summary>The content of the part called <paramref name="name"/>; fails the test when there is none.</summary>
    public static Part Named(string body, string name) =>
        Parse(body).FirstOrDefault(p => p.Name == name) ?? throw new Xunit.Sdk.XunitException($"No part '{name}' in the body:\n{body}");

    private static string? Parameter(string headers, string name)
    {
        var key = $" {name}=\"";
        var at = headers.IndexOf(key, StringComparison.Ordinal);
        return at < 0 ? null : headers[(at + key.Length)..headers.IndexOf('"', at + key.Length)];
    }
}
