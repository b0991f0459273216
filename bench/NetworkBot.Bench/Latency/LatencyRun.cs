using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NetworkBot.Bench.Answers;
using NetworkBot.Core.Replies;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// One run of the real <c>networkbot run</c> (Release apphost, its own process, the SQLite file the communities were
/// imported into) against fake platforms whose APIs answer every call after 30–80 ms: a warm-up of commands that is not
/// measured, then, for each rate, members' interactions spread over every community at that rate while a manager runs
/// <c>/admin coffee run-now</c> every <see cref="RunNowEverySeconds"/> s in one community after another (rounds of N/2
/// groups, whose messages then go out through the outbox) and the upcoming events' reminders fall due. Each interaction
/// is timed from the moment the fake sends it to its first answer (<see cref="ILatencyPlatform.Time"/>).
/// </summary>
internal sealed class LatencyRun(IReadOnlyList<LatencyCommunity> communities, IReadOnlyList<int> rates, int seconds, int warmUpSeconds, string executable)
{
    public const int RunNowEverySeconds = 10;
    public const int WarmUpRate = 20;
    public static readonly TimeSpan LeastRestLatency = TimeSpan.FromMilliseconds(30);
    public static readonly TimeSpan MostRestLatency = TimeSpan.FromMilliseconds(80);

    /// <summary>Short, so the events' reminders go out within seconds of falling due (30 s by default).</summary>
    public const string SchedulerTick = "00:00:02";

    /// <summary>Of every 20 member interactions, by position: what they do, as members use the bot.</summary>
    public static readonly IReadOnlyList<string> Mix =
    [
        "/coffee skip", "/coffee skip", "/coffee block", "/coffee block", "/coffee status", "/coffee status", "/coffee status", "/coffee status",
        "/coffee join", "/coffee join", "/intro show", "/intro show", "/intro show", "RSVP button", "RSVP button", "RSVP button", "RSVP button",
        "did you meet? button", "did you meet? button", "did you meet? button",
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] RsvpStatuses = ["going", "maybe", "not-going"];
    private static readonly string[] MeetAnswers = ["yes", "not-yet", "no"];

    private readonly Random random = new(20261207);
    private readonly ConcurrentDictionary<string, (string Kind, ILatencyPlatform Platform)> sentBy = new(StringComparer.Ordinal);
    private long interactions;
    private int rounds;

    /// <summary>How many member interactions were sent over 0.1 s behind their schedule (the sender fell behind).</summary>
    public int Late { get; private set; }

    /// <summary>
    /// How many rounds the bot started (logged "Round … started") of those the managers asked for: a round is refused
    /// ("changed meanwhile") when a grouped member changed while it was worked out.
    /// </summary>
    public int RoundsStarted { get; private set; }

    /// <summary>The delivery calls each fake received by the end of the run, by platform.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Deliveries { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();

    /// <summary>Runs the bot against <paramref name="platforms"/> (one per platform the communities are on); one <see cref="LatencyPhase"/> per platform and rate.</summary>
    public async Task<IReadOnlyList<LatencyPhase>> RunAsync(string workFolder, IReadOnlyDictionary<string, ILatencyPlatform> platforms, CancellationToken ct)
    {
        using var bot = BotProcess.Start(
            executable,
            workFolder,
            new Dictionary<string, string>(platforms.Values.SelectMany(p => p.BotSettings)) { ["Worker__SchedulerTick"] = SchedulerTick });
        try
        {
            using (var starting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                starting.CancelAfter(StartTimeout);
                foreach (var community in communities.DistinctBy(c => c.Platform))
                {
                    var platform = platforms[community.Platform];
                    await platform.ConnectedAsync(starting.Token);
                    var first = await SendMemberAsync(communities.ToList().IndexOf(community), platforms, new(), starting.Token);
                    while (!platform.Answered(first))
                    {
                        await Task.Delay(10, starting.Token);
                    }
                }
            }

            await DriveAsync(WarmUpRate, warmUpSeconds, withRounds: false, platforms, new(), new(), ct);
            var sent = new List<(int Rate, ConcurrentDictionary<string, long> Members, ConcurrentDictionary<string, long> Managers, double Cpu, int Threads)>();
            foreach (var rate in rates)
            {
                var (members, managers) = (new ConcurrentDictionary<string, long>(StringComparer.Ordinal), new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
                var cpu = bot.CpuTime;
                await DriveAsync(rate, seconds, withRounds: true, platforms, members, managers, ct);
                sent.Add((rate, members, managers, (bot.CpuTime - cpu).TotalSeconds, bot.Threads));
            }

            var all = sent.SelectMany(p => p.Members.Keys.Concat(p.Managers.Keys)).ToList();
            await RunEnd.DrainAsync(() => all.All(id => sentBy[id].Platform.Answered(id)), ct);
            RoundsStarted = bot.LinesContaining(" started: ");
            Deliveries = platforms.ToDictionary(p => p.Value.Name, p => p.Value.Deliveries(), StringComparer.Ordinal);
            return [.. sent.SelectMany(p => platforms.Values.Select(platform => Tally(platform, p.Rate, p.Members, p.Managers, bot, p.Cpu, p.Threads)))];
        }
        finally
        {
            bot.Stop();
        }
    }

    /// <summary>
    /// <paramref name="rate"/> member interactions a second for <paramref name="forSeconds"/>, each community in turn, and
    /// <paramref name="withRounds"/> a round every <see cref="RunNowEverySeconds"/> from the second second on.
    /// </summary>
    private async Task DriveAsync(
        int rate, int forSeconds, bool withRounds, IReadOnlyDictionary<string, ILatencyPlatform> platforms,
        ConcurrentDictionary<string, long> members, ConcurrentDictionary<string, long> managers, CancellationToken ct)
    {
        var since = Stopwatch.GetTimestamp();
        var nextRound = 2.0;
        for (var n = 0; n < rate * forSeconds; n++)
        {
            var at = (double)n / rate;
            var wait = TimeSpan.FromSeconds(at) - Stopwatch.GetElapsedTime(since);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }
            else if (-wait > TimeSpan.FromMilliseconds(100))
            {
                Late++;
            }

            if (withRounds && at >= nextRound)
            {
                var community = communities[rounds++ % communities.Count];
                await SendAsync(community, platforms, new LatencyAction("run-now", "admin coffee run-now", [], community.Manager) { ByManager = true }, managers, ct);
                nextRound += RunNowEverySeconds;
            }

            await SendMemberAsync(n, platforms, members, ct);
        }
    }

    /// <summary>The <paramref name="n"/>-th member interaction (<see cref="Mix"/>), in community n mod count, by a member drawn at random.</summary>
    private Task<string> SendMemberAsync(int n, IReadOnlyDictionary<string, ILatencyPlatform> platforms, ConcurrentDictionary<string, long> sent, CancellationToken ct)
    {
        var community = communities[n % communities.Count];
        var kind = Mix[n / communities.Count % Mix.Count];
        var member = community.Members[random.Next(1, community.Members.Count)];
        var (group, grouped) = community.OpenGroups[random.Next(community.OpenGroups.Count)];
        var action = kind switch
        {
            "RSVP button" => new LatencyAction(kind, "events rsvp", [], member)
            {
                Button = CommandInvocation.Of("events rsvp", ("event", community.Upcoming.Id.Value), ("status", RsvpStatuses[n % 3])),
            },
            "did you meet? button" => new LatencyAction(kind, "coffee met", [], community.MemberOf(grouped))
            {
                Button = CommandInvocation.Of("coffee met", ("group", group.Value), ("answer", MeetAnswers[n % 3])),
            },
            "/coffee block" => new LatencyAction(kind, "coffee block", [("member", community.Members[random.Next(1, community.Members.Count)].Id.Value)], member)
            {
                MemberOption = "member",
            },
            _ => new LatencyAction(kind, kind[1..], [], member),
        };
        return SendAsync(community, platforms, action, sent, ct);
    }

    private async Task<string> SendAsync(
        LatencyCommunity community, IReadOnlyDictionary<string, ILatencyPlatform> platforms, LatencyAction action, ConcurrentDictionary<string, long> sent, CancellationToken ct)
    {
        var platform = platforms[community.Platform];
        var id = (1_100_000_000_000_000_000L + Interlocked.Increment(ref interactions)).ToString(CultureInfo.InvariantCulture);
        sentBy[id] = (action.Kind, platform);
        sent[id] = Stopwatch.GetTimestamp();
        await platform.SendAsync(id, community, action, ct);
        return id;
    }

    /// <summary>What <paramref name="platform"/>'s share of one rate measured.</summary>
    private LatencyPhase Tally(
        ILatencyPlatform platform, int rate, ConcurrentDictionary<string, long> members, ConcurrentDictionary<string, long> managers, BotProcess bot, double cpu, int threads)
    {
        var mine = members.Where(m => sentBy[m.Key].Platform == platform).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var (latencies, deferred, duplicates) = platform.Time(mine);
        var slowest = latencies
            .GroupBy(l => sentBy[l.Key].Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(l => l.Value), StringComparer.Ordinal);
        var rounds = managers.Where(m => sentBy[m.Key].Platform == platform).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var tally = new AnswerTally(
            Sent: mine.Count, Latencies: [.. latencies.Values.Order()], Deferred: deferred, Duplicates: duplicates, RoleChanges: 0, RoleCalls: 0, RoleLimited: 0,
            Faults: new Dictionary<string, int>(), Connections: 0, Late: Late, LatestSeconds: 0, DrivenSeconds: seconds,
            BotErrors: bot.ErrorLines, BotLog: bot.LogPath);
        return new LatencyPhase(platform.Name, rate, tally, slowest, rounds.Count, [.. platform.Time(rounds).Latencies.Values.Order()], cpu, threads);
    }
}
