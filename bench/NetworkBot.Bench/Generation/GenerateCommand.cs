using System.Diagnostics;

namespace NetworkBot.Bench.Generation;

/// <summary><c>generate</c>: writes one realistic <c>networkbot pair</c> input.</summary>
internal static class GenerateCommand
{
    public static int Run(BenchArgs args)
    {
        var output = args.Text("--out");
        if (args.Text("--members") is null || output is null)
        {
            Console.Error.WriteLine("generate: --members N and --out FILE are required.");
            return 2;
        }

        var spec = new CommunitySpec(
            Members: args.Int("--members", 0),
            Rounds: args.Int("--rounds", 26),
            Industries: args.Int("--industries", 30),
            Interests: args.Int("--interests", 200),
            Seed: args.Long("--seed", 1),
            Mode: PairingInputWriter.ParseMode(args.Text("--mode") ?? "cross-industry"));
        Write(spec, output);
        return 0;
    }

    /// <summary>Generates the community of <paramref name="spec"/> and writes it, reporting progress on stderr.</summary>
    public static void Write(CommunitySpec spec, string path)
    {
        var watch = Stopwatch.StartNew();
        Console.Error.WriteLine($"generate: {spec.Members} members, {spec.Rounds} history rounds (seed {spec.Seed}) -> {path}");
        var community = CommunityGenerator.Generate(spec, Console.Error);
        PairingInputWriter.Write(community, path);
        Console.Error.WriteLine(
            $"generate: wrote {new FileInfo(path).Length / (1024.0 * 1024.0):0.0} MiB in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
