using System.Text.Json.Nodes;

namespace NetworkBot.Discord.Tests.Fixtures;

/// <summary>
/// The real Discord payloads in <c>tests/fixtures/discord</c> (their sources in <c>tests/fixtures/SOURCES.md</c>), copied
/// beside the test binaries by the project file, so a clone needs nothing outside itself.
/// </summary>
internal static class DiscordFixtures
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "discord");

    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static JsonObject Object(string name) => JsonNode.Parse(Bytes(name))!.AsObject();
}
