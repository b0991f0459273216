using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;

namespace NetworkBot.Bench.Answers;

/// <summary>
/// One run of the real <c>networkbot run</c> (Release apphost, its own process, its own SQLite file) against the
/// fake Discord of the Host tests: interactions over the gateway at a steady rate while the connection is told to
/// reconnect (op 7), dropped, left without heartbeat ACKs (a zombie) and invalidated (op 9), plus rushes of
/// <c>/interests join</c> against a member role bucket of 10 per 10 s. Every interaction is timed from the moment the
/// fake sends it to the moment its first callback (answer or defer) reaches the fake REST API.
/// </summary>
/// <remarks>
/// Like Discord, the fake replays a session's events after the sequence a Resume names, so an interaction sent while
/// the connection is dead or reconnecting still arrives, late, and its clock runs from when it was sent. While the
/// bot has no session at all (after op 9 it waits 1–5 s before identifying, as Discord asks), the fake holds the
/// next interactions back and sends them on the new session, behind schedule; those are counted apart (<see cref="AnswerTally.Late"/>).
/// </remarks>
internal sealed class DiscordAnswerRun(int seconds, int rate, string executable)
{
    public const string GuildId = "290926798626357999";
    public const int RoleBucketLimit = 10;
    public static readonly TimeSpan RoleBucketPer = TimeSpan.FromSeconds(10);

    /// <summary>Every this many seconds: op 7 at +5, a dropped socket at +15, a join rush at +20, a zombie at +25, op 9 at +35.</summary>
    public const int CycleSeconds = 40;

    public const int RushSize = 40;

    /// <summary>Short, so the bot finds a zombie within a few seconds, as it would find one within a minute or two on Discord.</summary>
    public const int HeartbeatMilliseconds = 2000;

    private const string ApplicationId = FakeDiscordGateway.ApplicationId;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, long> sentAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> faults = new(StringComparer.Ordinal);
    private FakeDiscordGateway gateway = null!;
    private FakeDiscordApi api = null!;
    private FakeGatewayConnection? current;
    private FakeGatewayConnection? invalidated;
    private long interactions;
    private long drivingSince;
    private int late;
    private double latest;
    private int roleChanges;

    public async Task<AnswerTally> RunAsync(string workFolder, CancellationToken ct)
    {
        gateway = await FakeDiscordGateway.StartAsync(autoSession: true);
        gateway.AutoHeartbeatInterval = HeartbeatMilliseconds;
        api = await FakeDiscordApi.StartAsync(gateway.Url);
        api.LimitMemberRoles(RoleBucketLimit, RoleBucketPer);
        var connections = 0;
        using var stopTracking = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tracking = Task.Run(
            async () =>
            {
                while (!stopTracking.IsCancellationRequested)
                {
                    Volatile.Write(ref current, await gateway.NextConnectionAsync(stopTracking.Token));
                    Interlocked.Increment(ref connections);
                }
            },
            stopTracking.Token);
        using var bot = BotProcess.Start(executable, workFolder, new Dictionary<string, string>
        {
            ["Discord__Token"] = "bench-bot-token",
            ["Discord__ApiBaseUrl"] = api.BaseUrl.ToString(),
        });
        try
        {
            using (var starting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                starting.CancelAfter(StartTimeout);
                await SessionAsync(starting.Token);
                var setup = await SendAsync("admin interests create", CommandMix.Interest, user: 1, permissions: "32", due: null, starting.Token);
                await api.WaitForAsync(r => r.Path.Contains($"/interactions/{setup}/", StringComparison.Ordinal), starting.Token);
                sentAt.TryRemove(setup, out _);
            }

            var started = Stopwatch.GetTimestamp();
            await DriveAsync(ct);
            var drained = Stopwatch.GetTimestamp();
            await RunEnd.DrainAsync(() => FirstCallbacks().Count >= sentAt.Count, ct);
            return Tally(Stopwatch.GetElapsedTime(started, drained), Volatile.Read(ref connections), bot);
        }
        finally
        {
            await RunEnd.StopAsync(stopTracking, tracking, bot, api, gateway);
        }
    }

    /// <summary>The schedule: steady interactions, faults and rushes, each started when its time comes.</summary>
    private async Task DriveAsync(CancellationToken ct)
    {
        var plan = new List<(double At, Func<double, Task> Act)>();
        for (var i = 0; i < seconds * rate; i++)
        {
            var n = i;
            plan.Add(((double)n / rate, at => SteadyAsync(n, at, ct)));
        }

        for (var cycle = 0; cycle * CycleSeconds < seconds; cycle++)
        {
            var at = cycle * CycleSeconds;
            plan.Add((at + 5, _ => FaultAsync("op 7 reconnect", c => c.SendAsync("""{"op":7,"d":null}""", ct))));
            plan.Add((at + 15, _ => FaultAsync("dropped socket", c =>
            {
                c.Abort();
                return Task.CompletedTask;
            })));
            plan.Add((at + 20, due => RushAsync(cycle, due, ct)));
            plan.Add((at + 25, _ => FaultAsync("zombie (no heartbeat ACKs)", ZombieAsync)));
            plan.Add((at + 35, _ => FaultAsync("op 9 invalid session", c =>
            {
                Volatile.Write(ref invalidated, c);
                return c.SendAsync("""{"op":9,"d":false}""", ct);
            })));
        }

        drivingSince = Stopwatch.GetTimestamp();
        foreach (var (at, act) in plan.Where(p => p.At < seconds).OrderBy(p => p.At))
        {
            var wait = TimeSpan.FromSeconds(at) - Stopwatch.GetElapsedTime(drivingSince);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            await act(at);
        }
    }

    private async Task SteadyAsync(int n, double due, CancellationToken ct)
    {
        var (path, name, changesSpace) = CommandMix.For(n);
        if (changesSpace)
        {
            Interlocked.Increment(ref roleChanges);
        }

        await SendAsync(path, name, 1000 + (n % 500), "0", due, ct);
    }

    /// <summary><see cref="RushSize"/> members join at once: four times what the role bucket lets through in its window.</summary>
    private async Task RushAsync(int cycle, double due, CancellationToken ct)
    {
        for (var i = 0; i < RushSize; i++)
        {
            Interlocked.Increment(ref roleChanges);
            await SendAsync("interests join", CommandMix.Interest, 5000 + (cycle * RushSize) + i, "0", due, ct);
        }
    }

    /// <summary>Stops acknowledging heartbeats until the bot has given the connection up and opened a new one.</summary>
    private Task ZombieAsync(FakeGatewayConnection zombie)
    {
        gateway.AckHeartbeats = false;
        _ = Task.Run(async () =>
        {
            while (ReferenceEquals(Volatile.Read(ref current), zombie))
            {
                await Task.Delay(20);
            }

            gateway.AckHeartbeats = true;
        });
        return Task.CompletedTask;
    }

    private async Task FaultAsync(string name, Func<FakeGatewayConnection, Task> fault)
    {
        if (gateway.Live is not { Closed.IsCompleted: false } connection || ReferenceEquals(connection, Volatile.Read(ref invalidated)))
        {
            return;
        }

        try
        {
            await fault(connection);
            faults[name] = faults.GetValueOrDefault(name) + 1;
        }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException or IOException)
        {
            // The connection ended on its own just now; nothing to break.
        }
    }

    /// <summary>Adds one INTERACTION_CREATE to the bot's session (written now, or replayed by its Resume); returns the interaction id.</summary>
    /// <remarks>One sent later than <paramref name="due"/> (seconds into the run) by over 0.1 s is counted as late.</remarks>
    private async Task<string> SendAsync(string path, string? name, int user, string permissions, double? due, CancellationToken ct)
    {
        var id = (1_100_000_000_000_000_000L + Interlocked.Increment(ref interactions)).ToString(CultureInfo.InvariantCulture);
        var json = Interaction(id, path, name, user, permissions);
        await SessionAsync(ct);
        sentAt[id] = Stopwatch.GetTimestamp();
        if (due is { } planned && Stopwatch.GetElapsedTime(drivingSince).TotalSeconds - planned is var lag && lag > 0.1)
        {
            late++;
            latest = Math.Max(latest, lag);
        }

        await gateway.DispatchToSessionAsync("INTERACTION_CREATE", json, ct);
        return id;
    }

    /// <summary>Returns once the bot has a session: at once but after op 9, when it has none for a while.</summary>
    private async Task SessionAsync(CancellationToken ct)
    {
        while (gateway.Live is not { } live || ReferenceEquals(live, Volatile.Read(ref invalidated)))
        {
            await Task.Delay(5, ct);
        }
    }

    /// <summary>Every callback by interaction id, in arrival order.</summary>
    private Dictionary<string, List<ApiRequest>> FirstCallbacks() =>
        api.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/interactions/", StringComparison.Ordinal) && r.Path.EndsWith("/callback", StringComparison.Ordinal))
            .GroupBy(r => r.Path.Split('/')[4], StringComparer.Ordinal)
            .Where(g => sentAt.ContainsKey(g.Key))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReceivedAt).ToList(), StringComparer.Ordinal);

    private AnswerTally Tally(TimeSpan driven, int connections, BotProcess bot)
    {
        var callbacks = FirstCallbacks();
        var latencies = new List<double>();
        var deferred = 0;
        foreach (var (id, at) in sentAt)
        {
            if (callbacks.TryGetValue(id, out var answers))
            {
                latencies.Add(Stopwatch.GetElapsedTime(at, answers[0].ReceivedAt).TotalSeconds);
                deferred += JsonDocument.Parse(answers[0].Body).RootElement.GetProperty("type").GetInt32() == 5 ? 1 : 0;
            }
        }

        var roleCalls = api.Requests.Count(r => r.Method is "PUT" or "DELETE" && r.Path.Contains("/members/", StringComparison.Ordinal) && r.Path.Contains("/roles/", StringComparison.Ordinal));
        return new AnswerTally(
            Sent: sentAt.Count,
            Latencies: [.. latencies.Order()],
            Deferred: deferred,
            Duplicates: callbacks.Values.Sum(c => c.Count - 1),
            RoleChanges: Volatile.Read(ref roleChanges),
            RoleCalls: roleCalls,
            RoleLimited: api.MemberRolesLimited,
            Faults: new Dictionary<string, int>(faults, StringComparer.Ordinal),
            Connections: connections,
            Late: late,
            LatestSeconds: latest,
            DrivenSeconds: driven.TotalSeconds,
            BotErrors: bot.ErrorLines,
            BotLog: bot.LogPath);
    }

    /// <summary>The Discord user id of member number <paramref name="user"/> in the interactions <see cref="Interaction"/> makes.</summary>
    internal static string UserId(int user) => (53908232506000000L + user).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A slash command as Discord sends it, from guild member number <paramref name="user"/> (user id
    /// <see cref="UserId"/>; <c>permissions</c> 32 is Manage Server).
    /// </summary>
    internal static string Interaction(string id, string path, string? name, int user, string permissions)
    {
        var words = path.Split(' ');
        JsonArray parameters = name is null ? [] : [new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = name }];
        for (var i = words.Length - 1; i >= 1; i--)
        {
            parameters = [new JsonObject { ["type"] = i == words.Length - 1 ? 1 : 2, ["name"] = words[i], ["options"] = parameters }];
        }

        var userId = UserId(user);
        return new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["token"] = "bench-token-" + id,
            ["guild_id"] = GuildId,
            ["channel_id"] = "345626669114982999",
            ["locale"] = "en-US",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = $"member{user}", ["global_name"] = $"Member {user}" },
                ["roles"] = new JsonArray(),
                ["permissions"] = permissions,
            },
            ["data"] = new JsonObject { ["id"] = "771825006014889984", ["name"] = words[0], ["type"] = 1, ["options"] = parameters },
        }.ToJsonString();
    }
}
