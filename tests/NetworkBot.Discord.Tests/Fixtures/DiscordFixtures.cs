using System.Text.Json.Nodes;

namespace NetworkBot.Discord.Tests.Fixtures;

/// <summary>
/// The real Discord payloads in <c>shared/fixtures/discord</c>. The repository sits at <c>/work/main</c> (or a worktree)
/// in development and is cloned with <c>shared/</c> beside it in CI, so the folder is searched upwards from the
/// test binaries, both inside and beside each ancestor.
/// </summary>
internal static class DiscordFixtures
{
    public static string Folder { get; } = Locate();

    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static JsonObject Object(string name) => JsonNode.Parse(Bytes(name))!.AsObject();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var shared in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
            {
                var folder = Path.GetFullPath(Path.Combine(shared, "fixtures", "discord"));
                if (Directory.Exists(folder))
                {
                    return folder;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/fixtures/discord found in or beside any folder above {AppContext.BaseDirectory}. " +
            "Clone the repository with the shared/ folder beside it (CI) or work under /work (development).");
    }
}
