using NetworkBot.Bench.Answers;
using NetworkBot.Bench.Asks;
using NetworkBot.Bench.Crash;
using NetworkBot.Bench.Dashboard;
using NetworkBot.Bench.Fanout;
using NetworkBot.Bench.Footprint;
using NetworkBot.Bench.Generation;
using NetworkBot.Bench.Latency;
using NetworkBot.Bench.Micro;
using NetworkBot.Bench.Quality;
using NetworkBot.Bench.Rotation;
using NetworkBot.Bench.Scale;
using NetworkBot.Bench.Soak;
using NetworkBot.Bench.Storage;

namespace NetworkBot.Bench;

/// <summary>
/// The benchmarks of the pairing engine and of the running bot, one subcommand each (see BENCHMARKS.md). A subcommand prints a Markdown
/// table, writes it to bench/results/&lt;name&gt;.md and exits non-zero when a target is missed.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, (string Usage, Func<BenchArgs, int> Run)> Commands = new(StringComparer.Ordinal)
    {
        ["generate"] = ("--members N [--rounds 26] [--industries 30] [--interests 200] [--seed S] [--mode M] --out FILE", GenerateCommand.Run),
        ["scale"] = ("[--sizes 1000,10000,100000] [--runs 3] [--no-build]", ScaleCommand.Run),
        ["rotation"] = ("[--sizes 20,21,60,200] [--seeds 5]", RotationCommand.Run),
        ["quality"] = ("[--members 200] [--seeds 5]", QualityCommand.Run),
        ["micro"] = ("[BenchmarkDotNet arguments, e.g. --filter *]", MicroCommand.Run),
        ["answers"] = ("[--seconds 120] [--rate 20] [--slack [--drop-every 65]] [--no-build] [--bot PATH-TO-networkbot] [--keep]", AnswersCommand.Run),
        ["latency"] = ("[--seconds 30] [--rates 20,100] [--communities 4] [--members 2000] [--warmup 10] [--slack] [--no-build] [--bot PATH-TO-networkbot] [--keep]", LatencyCommand.Run),
        ["storage"] = ("[--providers sqlite,litedb,postgres] [--groups 5000] [--saves 5] [--rate 1000] [--seconds 10] [--capacity 1000] [--callers 32] [--messages 20000] [--communities 200] [--claim-runs 3] [--postgres CONNECTION-STRING]", StorageCommand.Run),
        ["soak"] = ("[--providers sqlite,litedb] [--ops 1000000] [--samples 20] [--callers 8] [--communities 20] [--members 500] [--capacity 200] [--checkpoint-interval 00:01:00] [--longest 1.00:00:00]", SoakCommand.Run),
        ["dashboard"] = ("[--members 10000] [--rounds 100] [--group-size 2] [--requests 50] [--page members|network|rounds|…] [--providers sqlite,litedb,postgres] [--postgres CONNECTION-STRING] [--no-build] [--bot PATH-TO-networkbot] [--keep]", DashboardCommand.Run),
        ["fanout"] = ("[--groups 1000] [--reminders 5000] [--platforms discord,slack] [--cases round,reminders] [--rate-scale 10 (Discord) / 20 (Slack)] [--latency-ms 50] [--out fanout] [--no-build] [--bot PATH-TO-networkbot] [--keep]", FanoutCommand.Run),
        ["footprint"] = ("[--sizes 1000,10000,100000] [--rounds 26] [--starts 5] [--settle 10] [--idle 20] [--delivery 10] [--slack] [--env DOTNET_X=V,…] [--reseed] [--no-build] [--bot PATH-TO-networkbot] [--keep]", FootprintCommand.Run),
        ["asks"] = ("[--members 10000] [--large-requests 20] [--no-glossary]", AsksCommand.Run),
        ["crash"] = ("[--kills 20] [--signal kill|term] [--groups 500] [--going 200] [--seed S] [--provider sqlite|postgres] [--instances 1|2] [--lease 00:00:05] [--postgres CONNECTION-STRING] [--no-build] [--bot PATH-TO-networkbot] [--keep]", CrashCommand.Run),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine("usage: NetworkBot.Bench <command> [options]");
            foreach (var (name, (usage, _)) in Commands)
            {
                Console.Error.WriteLine($"  {name} {usage}");
            }

            return 2;
        }

        return command.Run(new BenchArgs(args[1..]));
    }
}
