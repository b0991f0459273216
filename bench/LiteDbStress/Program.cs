using System.Globalization;
using System.Reflection;
using LiteDB;

namespace NetworkBot.Bench.LiteDbStress;

/// <summary>
/// <c>LiteDbStress [--transactions 200000] [--seconds 600] [--readers 4] [--checkpoint-every 500] [--reopen-every 5000] [--largest 20000] [--reads-apart-from-writes]</c>:
/// one run of <see cref="StressRun"/> on the LiteDB this build references, printed as a Markdown row per error kind, so
/// two builds (5.0.20 and 5.0.21) can be compared line for line. Exits 1 when any operation failed.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var options = new StressOptions(
            Transactions: Option(args, "--transactions", 200_000),
            Seconds: Option(args, "--seconds", 600),
            Readers: Option(args, "--readers", 4),
            CheckpointEvery: Option(args, "--checkpoint-every", 500),
            ReopenEvery: Option(args, "--reopen-every", 5_000),
            Largest: Option(args, "--largest", 20_000),
            ReadsApartFromWrites: args.Contains("--reads-apart-from-writes"));
        var version = typeof(LiteDatabase).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(LiteDatabase).Assembly.GetName().Version?.ToString();
        Console.WriteLine($"LiteDB {version}: {options}");

        var folder = Directory.CreateTempSubdirectory("litedb-stress-");
        try
        {
            var tally = new StressRun(options, Path.Combine(folder.FullName, "stress.litedb")).Run();
            Console.WriteLine(tally.Summary(version ?? "unknown"));
            return tally.Failures == 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
