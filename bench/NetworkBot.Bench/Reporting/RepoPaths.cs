namespace NetworkBot.Bench.Reporting;

/// <summary>Folders of the repository, found from wherever the benchmark runs (it lives under bench/NetworkBot.Bench/bin).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "bench", "data");

    public static string Results => Path.Combine(Root, "bench", "results");

    public static string NetworkBotExecutable => Path.Combine(Root, "src", "NetworkBot.Host", "bin", "Release", "net10.0", "networkbot");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "NetworkBot.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark inside the NetworkBot repository (no NetworkBot.sln found above it).");
    }
}
