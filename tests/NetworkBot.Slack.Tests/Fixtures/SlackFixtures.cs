using System.Text.Json.Nodes;

namespace NetworkBot.Slack.Tests.Fixtures;

/// <summary>
/// The real Slack payloads in <c>tests/fixtures/slack</c> (their sources in <c>tests/fixtures/SOURCES.md</c>), copied
/// beside the test binaries by the project file, so a clone needs nothing outside itself.
/// </summary>
internal static class SlackFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "slack");

    public static IReadOnlyList<string> Named(string prefix) =>
        [.. Directory.EnumerateFiles(Folder, prefix + "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static JsonObject Object(string name) => JsonNode.Parse(Bytes(name))!.AsObject();
}
