using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NetworkBot.Bench.Answers;
using NetworkBot.Bench.Storage;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// One community size of the <c>footprint</c> benchmark: seeds the community (<see cref="CommunitySeeder"/>, imported
/// into a SQLite file through the export import), then starts the Release <c>networkbot run</c> over it against
/// <paramref name="platform"/> once to warm the disk and <paramref name="starts"/> times more, timing each from just
/// before the process starts to the platform's ready event and to the answer of a member's <c>/coffee status</c> sent
/// right after it. The last bot then stays: after <paramref name="settle"/> its memory is sampled for
/// <paramref name="idle"/>, then a manager runs <c>/admin coffee run-now</c> for the whole community and its memory is
/// sampled until the round is saved and answered and for <paramref name="delivery"/> more while its messages go out.
/// </summary>
internal sealed class FootprintRun(
    string executable,
    IFootprintPlatform platform,
    int starts,
    TimeSpan settle,
    TimeSpan idle,
    TimeSpan delivery,
    IReadOnlyDictionary<string, string> settings,
    Action<string> progress)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task<FootprintResult> RunAsync(int members, int rounds, string work, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var database = Path.Combine(work, BotProcess.DatabaseFileName);
        await SeedAsync(platform.Community(members, rounds), database, ct);
        var seeded = clock.Elapsed.TotalSeconds;
        progress($"{members:N0} members: seeded in {seeded:0.0} s");

        var botSettings = new Dictionary<string, string>(platform.BotSettings);
        foreach (var (key, value) in settings)
        {
            botSettings[key] = value;
        }

        var ready = new List<double>();
        var answered = new List<double>();
        BotProcess? bot = null;
        try
        {
            for (var start = 0; start <= starts; start++)
            {
                bot?.Dispose();
                using var starting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                starting.CancelAfter(StartTimeout);
                var began = Stopwatch.GetTimestamp();
                bot = BotProcess.Start(executable, work, botSettings);
                var readyAt = await platform.ReadyAsync(starting.Token);
                var answeredAt = await platform.AnswerAsync("coffee status", member: 2, starting.Token);
                progress($"{members:N0} members, start {start}{(start == 0 ? " (warm-up)" : "")}: {platform.ReadyEvent} after {Seconds(began, readyAt):0.000} s, first answer after {Seconds(began, answeredAt):0.000} s");
                if (start > 0)
                {
                    ready.Add(Seconds(began, readyAt));
                    answered.Add(Seconds(began, answeredAt));
                }
            }

            await Task.Delay(settle, ct);
            var idleMemory = await ProcessMemory.SampleAsync(bot!.Id, Task.Delay(idle, ct), ct);
            progress($"{members:N0} members, idle: VmRSS max {idleMemory.ResidentMegabytes:0} MB, VmHWM {idleMemory.HighWaterMegabytes:0} MB");

            var postedBefore = platform.MessagesPosted;
            var roundStarted = Stopwatch.GetTimestamp();
            var round = RoundAsync(roundStarted, ct);
            var roundMemory = await ProcessMemory.SampleAsync(bot.Id, round, ct);
            var (answer, answeredAfter) = await round;
            progress($"{members:N0} members, round: answered after {answeredAfter:0.0} s, VmRSS peak {roundMemory.ResidentMegabytes:0} MB; {answer}");
            return new FootprintResult(
                members, seeded, ready, answered, idleMemory, roundMemory, answeredAfter, answer, platform.MessagesPosted - postedBefore, bot.ErrorLines, bot.LogPath);
        }
        finally
        {
            bot?.Dispose();
        }
    }

    /// <summary>The round's answer and its seconds from <paramref name="started"/>, once <see cref="delivery"/> more has passed with its messages going out.</summary>
    private async Task<(string Answer, double Seconds)> RoundAsync(long started, CancellationToken ct)
    {
        var answer = await platform.RunRoundAsync(ct);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.Delay(delivery, ct);
        return (answer, seconds);
    }

    /// <summary>Writes the community into a new SQLite file as <c>networkbot import</c> would, and lets go of the file for the bot.</summary>
    private static async Task SeedAsync(CommunitySeed seed, string database, CancellationToken ct)
    {
        var seeded = CommunitySeeder.Generate(seed with { Now = DateTimeOffset.UtcNow });
        using (var store = await StoreInstance.OpenAsync(StorageOptions.SqliteProvider, $"Data Source={database}", null, ct))
        {
            await seeded.WriteToAsync((IExportStore)store.Store, ct);
        }

        SqliteConnection.ClearAllPools();
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
