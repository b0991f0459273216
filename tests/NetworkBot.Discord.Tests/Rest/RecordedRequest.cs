using System.Text.Json;

namespace NetworkBot.Discord.Tests.Rest;

/// <summary>One request as the fake Discord saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
