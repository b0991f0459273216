using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NetworkBot.Bench.Answers;
using NetworkBot.Core.Domain;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// One run of the real <c>networkbot run</c> (Release apphost, its own process, the SQLite file the communities were
/// imported into) against the fake Discord, whose REST API answers every call after 30–80 ms: a warm-up of commands that
/// is not measured, then, for each rate, members' interactions spread over every community at that rate while a manager
/// runs <c>/admin coffee run-now</c> every <see cref="RunNowEverySeconds"/> s in one community after another (rounds of
/// N/2 groups, whose threads, member adds and messages then go out through the outbox) and the upcoming events'
/// reminders fall due. Each interaction is timed from the moment the fake sends it to the moment its first callback
/// (answer or defer) reaches the fake REST API.
/// </summary>
internal sealed class DiscordLatencyRun(IReadOnlyList<LatencyCommunity> communities, IReadOnlyList<int> rates, int seconds, int warmUpSeconds, string executable)
{
    public const int RunNowEverySeconds = 10;
    public const int WarmUpRate = 20;
    public static readonly TimeSpan LeastRestLatency = TimeSpan.FromMilliseconds(30);
    public static readonly TimeSpan MostRestLatency = TimeSpan.FromMilliseconds(80);

    /// <summary>Short, so the events' reminders go out within seconds of falling due (30 s by default).</summary>
    public const string SchedulerTick = "00:00:02";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Of every 20 member interactions, by position: what they do, as members use the bot.</summary>
    private static readonly string[] Mix =
    [
        "/coffee skip", "/coffee skip", "/coffee block", "/coffee block", "/coffee status", "/coffee status", "/coffee status", "/coffee status",
        "/coffee join", "/coffee join", "/intro show", "/intro show", "/intro show", "RSVP button", "RSVP button", "RSVP button", "RSVP button",
        "did you meet? button", "did you meet? button", "did you meet? button",
    ];

    private static readonly string[] RsvpStatuses = ["going", "maybe", "not-going"];
    private static readonly string[] MeetAnswers = ["yes", "not-yet", "no"];

    private readonly Random random = new(20261207);
    private readonly ConcurrentDictionary<string, string> kinds = new(StringComparer.Ordinal);
    private FakeDiscordGateway gateway = null!;
    private FakeDiscordApi api = null!;
    private long interactions;
    private int rounds;

    /// <summary>How many member interactions were sent over 0.1 s behind their schedule (the sender fell behind).</summary>
    public int Late { get; private set; }

    /// <summary>REST calls of the deliveries by what they did, at the end: threads made, members added, messages posted, DM channels opened.</summary>
    public IReadOnlyDictionary<string, int> Deliveries { get; private set; } = new Dictionary<string, int>();

    public async Task<IReadOnlyList<LatencyPhase>> RunAsync(string workFolder, CancellationToken ct)
    {
        gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        gateway.GuildIds = [.. communities.Select(c => c.Guild)];
        api = await FakeDiscordApi.StartAsync(gateway.Url);
        api.AnswerAfter(LeastRestLatency, MostRestLatency);
        using var bot = BotProcess.Start(executable, workFolder, new Dictionary<string, string>
        {
            ["Discord__Token"] = "bench-bot-token",
            ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Worker__SchedulerTick"] = SchedulerTick,
        });
        try
        {
            using (var starting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                starting.CancelAfter(StartTimeout);
                while (gateway.Live is null)
                {
                    await Task.Delay(10, starting.Token);
                }

                var first = await SendMemberAsync(0, new(), starting.Token);
                await api.WaitForAsync(r => r.Path.Contains($"/interactions/{first}/", StringComparison.Ordinal), starting.Token);
            }

            await DriveAsync(WarmUpRate, warmUpSeconds, withRounds: false, new(), new(), ct);
            var sent = new List<(int Rate, ConcurrentDictionary<string, long> Members, ConcurrentDictionary<string, long> Managers, double Cpu, int Threads)>();
            foreach (var rate in rates)
            {
                var (members, managers) = (new ConcurrentDictionary<string, long>(StringComparer.Ordinal), new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
                var cpu = bot.CpuTime;
                await DriveAsync(rate, seconds, withRounds: true, members, managers, ct);
                sent.Add((rate, members, managers, (bot.CpuTime - cpu).TotalSeconds, bot.Threads));
            }

            var all = sent.SelectMany(p => p.Members.Concat(p.Managers)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            await RunEnd.DrainAsync(() => DiscordCallbacks.ByInteraction(api, all).Count >= all.Count, ct);
            Deliveries = CountDeliveries();
            return [.. sent.Select(p => Tally(p.Rate, p.Members, p.Managers, bot) with { CpuSeconds = p.Cpu, Threads = p.Threads })];
        }
        finally
        {
            bot.Stop();
            await api.DisposeAsync();
            await gateway.DisposeAsync();
        }
    }

    /// <summary>
    /// <paramref name="rate"/> member interactions a second for <paramref name="forSeconds"/>, each community in turn, and a
    /// round every <see cref="RunNowEverySeconds"/> from the second second on <paramref name="withRounds"/> (not while warming up).
    /// </summary>
    private async Task DriveAsync(
        int rate, int forSeconds, bool withRounds, ConcurrentDictionary<string, long> members, ConcurrentDictionary<string, long> managers, CancellationToken ct)
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
                await SendRunNowAsync(managers, ct);
                nextRound += RunNowEverySeconds;
            }

            await SendMemberAsync(n, members, ct);
        }
    }

    private async Task SendRunNowAsync(ConcurrentDictionary<string, long> managers, CancellationToken ct)
    {
        var community = communities[rounds++ % communities.Count];
        var manager = community.Manager;
        var id = NextId();
        var json = DiscordInteractions.Command(id, community.Guild, "admin coffee run-now", [], manager.Id.Value, manager.DisplayName, "32");
        managers[id] = Stopwatch.GetTimestamp();
        await gateway.DispatchToSessionAsync("INTERACTION_CREATE", json, ct);
    }

    /// <summary>The <paramref name="n"/>-th member interaction (<see cref="Mix"/>), in community n mod count, by a member drawn at random.</summary>
    private async Task<string> SendMemberAsync(int n, ConcurrentDictionary<string, long> sent, CancellationToken ct)
    {
        var community = communities[n % communities.Count];
        var kind = Mix[n / communities.Count % Mix.Length];
        var member = community.Members[random.Next(1, community.Members.Count)];
        var id = NextId();
        string json;
        switch (kind)
        {
            case "RSVP button":
                json = DiscordInteractions.Button(id, community.Guild, $"nb1|events rsvp|event={community.Upcoming.Id.Value}|status={RsvpStatuses[n % 3]}", member.Id.Value, member.DisplayName);
                break;
            case "did you meet? button":
                var (group, grouped) = community.OpenGroups[random.Next(community.OpenGroups.Count)];
                member = community.Members.First(m => m.Id == grouped);
                json = DiscordInteractions.Button(id, community.Guild, $"nb1|coffee met|group={group.Value}|answer={MeetAnswers[n % 3]}", member.Id.Value, member.DisplayName);
                break;
            default:
                var other = community.Members[random.Next(1, community.Members.Count)].Id.Value;
                json = DiscordInteractions.Command(
                    id, community.Guild, kind[1..], kind == "/coffee block" ? [("member", DiscordInteractions.User, other)] : [], member.Id.Value, member.DisplayName, "0");
                break;
        }

        kinds[id] = kind;
        sent[id] = Stopwatch.GetTimestamp();
        await gateway.DispatchToSessionAsync("INTERACTION_CREATE", json, ct);
        return id;
    }

    private string NextId() => (1_100_000_000_000_000_000L + Interlocked.Increment(ref interactions)).ToString(CultureInfo.InvariantCulture);

    private LatencyPhase Tally(int rate, ConcurrentDictionary<string, long> members, ConcurrentDictionary<string, long> managers, BotProcess bot)
    {
        var (latencies, deferred, duplicates) = DiscordCallbacks.Time(api, members);
        var callbacks = DiscordCallbacks.ByInteraction(api, members);
        var slowest = members
            .Where(m => callbacks.ContainsKey(m.Key))
            .GroupBy(m => kinds[m.Key], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(m => Stopwatch.GetElapsedTime(m.Value, callbacks[m.Key][0].ReceivedAt).TotalSeconds), StringComparer.Ordinal);
        var tally = new AnswerTally(
            Sent: members.Count, Latencies: latencies, Deferred: deferred, Duplicates: duplicates, RoleChanges: 0, RoleCalls: 0, RoleLimited: 0,
            Faults: new Dictionary<string, int>(), Connections: gateway.ConnectionCount, Late: Late, LatestSeconds: 0, DrivenSeconds: seconds,
            BotErrors: bot.ErrorLines, BotLog: bot.LogPath);
        return new LatencyPhase(rate, tally, slowest, managers.Count, DiscordCallbacks.Time(api, managers).Latencies, 0, 0);
    }

    private Dictionary<string, int> CountDeliveries()
    {
        var requests = api.Requests;
        int Count(Func<ApiRequest, bool> match) => requests.Count(match);
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["threads made"] = Count(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal)),
            ["members added to threads"] = Count(r => r.Method == "PUT" && r.Path.Contains("/thread-members/", StringComparison.Ordinal)),
            ["messages posted"] = Count(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)),
            ["DM channels opened"] = Count(r => r.Method == "POST" && r.Path.EndsWith("/users/@me/channels", StringComparison.Ordinal)),
        };
    }
}
