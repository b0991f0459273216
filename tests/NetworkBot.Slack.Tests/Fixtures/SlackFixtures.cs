using System.Text.Json.Nodes;

namespace NetworkBot.Slack.Tests.Fixtures;

/// <summary>
/// The real Slack payloads in <c>shared/fixtures/slack</c>. The repository sits at <c>/work/main</c> (or a worktree)
/// in development and is cloned with <c>shared/</c> beside it in CI, so the folder is searched upwards from the
/// test binaries, both inside and beside each ancestor.
/// </summary>
internal static class SlackFixtures
{
    public static string Folder { get; } = Locate();

    public static IReadOnlyList<string> Named(string prefix) =>
        [.. Directory.EnumerateFiles(Folder, prefix + "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static JsonObject Object(string name) => JsonNode.Parse(Bytes(name))!.AsObject();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var shared in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
            {
                var folder = Path.GetFullPath(Path.Combine(shared, "fixtures", "slack"));
                if (Directory.Exists(folder))
                {
                    return folder;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/fixtures/slack found in or beside any folder above {AppContext.BaseDirectory}. " +
            "Clone the repository with the shared/ folder beside it (CI) or work under /work (development).");
    }
}
