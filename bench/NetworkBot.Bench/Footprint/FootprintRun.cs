using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NetworkBot.Bench.Answers;
using NetworkBot.Bench.Reporting;
using NetworkBot.Bench.Storage;
using NetworkBot.Core.Storage;
using NetworkBot.Storage;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Bench.Footprint;

/// <summary>
/// One community size of the <c>footprint</c> benchmark: seeds the community (<see cref="CommunitySeeder"/>, imported
/// into a SQLite file through the export import, or copied from the last such file, see <see cref="SeedAsync"/>), then starts the Release <c>networkbot run</c> over it against
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
    bool reseed,
    Action<string> progress)
{
    /// <summary>Well inside <see cref="SeededAhead"/>: a copy this old still has nothing due (see there).</summary>
    public static readonly TimeSpan CacheAge = TimeSpan.FromHours(12);

    /// <summary>
    /// How far ahead of now the seeded data reaches. So that no scheduled step is due while the bot idles, the open round
    /// started 4 days ago instead of 6: its re-ask (at 90 % of the week), the next round's notice to every member (a day
    /// before it) and the round itself are all days ahead. No events either: their reminders would be due now and then.
    /// </summary>
    private static readonly TimeSpan SeededAhead = TimeSpan.FromDays(2);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task<FootprintResult> RunAsync(int members, int rounds, string work, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var database = Path.Combine(work, BotProcess.DatabaseFileName);
        await SeedAsync(platform.Community(members, rounds), database, ct);
        var seeded = clock.Elapsed.TotalSeconds;
        progress($"{members:N0} members: database ready in {seeded:0.0} s");

        var botSettings = new Dictionary<string, string>(platform.BotSettings);
        foreach (var (key, value) in settings)
        {
            botSettings[key] = value;
        }

        var ready = new List<double>();
        var answered = new List<double>();
        var cpu = new List<double>();
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
                var used = bot.CpuTime.TotalSeconds;
                progress($"{members:N0} members, start {start}{(start == 0 ? " (warm-up)" : "")}: {platform.ReadyEvent} after {Seconds(began, readyAt):0.000} s, first answer after {Seconds(began, answeredAt):0.000} s, {used:0.00} CPU s");
                if (start > 0)
                {
                    ready.Add(Seconds(began, readyAt));
                    answered.Add(Seconds(began, answeredAt));
                    cpu.Add(used);
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
                members, seeded, ready, answered, cpu, idleMemory, roundMemory, answeredAfter, answer, platform.MessagesPosted - postedBefore, bot.ErrorLines, bot.LogPath);
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

    /// <summary>
    /// Puts the community in the bot's SQLite file: a copy of the one seeded for the same platform, size and rounds less
    /// than <see cref="CacheAge"/> ago (in bench/data: 100,000 members take minutes to seed), else a new one, written as
    /// <c>networkbot import</c> would and kept for the next run. Older ones are made again, since the seeded rounds are
    /// dated from when they were seeded and a week later the next one would be due.
    /// </summary>
    private async Task SeedAsync(CommunitySeed seed, string database, CancellationToken ct)
    {
        var cache = Path.Combine(RepoPaths.Data, $"footprint-{seed.Community.Value.Split(':')[0]}-{seed.Members}-{seed.Rounds}.db");
        if (reseed || !File.Exists(cache) || File.GetLastWriteTimeUtc(cache) < DateTime.UtcNow - CacheAge)
        {
            Directory.CreateDirectory(RepoPaths.Data);
            File.Delete(cache);
            var seeded = CommunitySeeder.Generate(seed with { Now = DateTimeOffset.UtcNow + SeededAhead, Events = 0 });
            using (var store = await StoreInstance.OpenAsync(StorageOptions.SqliteProvider, $"Data Source={cache}", null, ct))
            {
                await seeded.WriteToAsync((IExportStore)store.Store, ct);
            }

            // Lets go of the file and folds the write-ahead log into it, so the copy is the whole database.
            SqliteConnection.ClearAllPools();
        }

        File.Copy(cache, database, overwrite: true);
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
