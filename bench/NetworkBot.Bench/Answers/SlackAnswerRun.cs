using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Tests.Fakes;

namespace NetworkBot.Bench.Answers;

/// <summary>
/// One run of the real <c>networkbot run</c> (Release apphost, its own process) against the fake Slack of the Slack
/// tests in Socket Mode: slash commands at a steady rate while the socket is dropped every <c>dropEverySeconds</c>,
/// with <c>/network interests join</c> and <c>leave</c> among them while <c>conversations.invite</c> is rate limited.
/// Slack's window is the envelope's acknowledgement: each command is timed from its first send to its first
/// acknowledgement, and counted as answered in time when that acknowledgement came within the window.
/// </summary>
/// <remarks>
/// Like Slack, the fake sends every envelope not acknowledged on a dropped socket again on the next one, with the same
/// <c>envelope_id</c>; the clock keeps running from the first send. A command sent while no socket is open is sent on
/// the dead one, so it too comes again on the next. An envelope answered (a non-empty acknowledgement) more than once
/// is a duplicate answer.
/// </remarks>
internal sealed class SlackAnswerRun(int seconds, int rate, int dropEverySeconds, string executable)
{
    /// <summary>
    /// Longer than the bot's one minute after which a socket counts as stable: a socket that ends sooner counts as a
    /// failed one and the bot backs off (1 s, doubling) before the next, which is on purpose and not measured here.
    /// </summary>
    public const int DefaultDropEverySeconds = 65;
    public const int InviteRetryAfterSeconds = 10;
    private const string BotToken = "xoxb-bench-bot-token";
    private const string Channel = "C0GENERAL";
    private const int Members = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, long> sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<(long At, bool Answered)>> acks = new(StringComparer.Ordinal);

    /// <summary>Held while sending and while switching sockets, so no envelope is sent on the old socket after its leftovers were collected.</summary>
    private readonly SemaphoreSlim sending = new(1, 1);
    private FakeSlackApi api = null!;
    private FakeSlackSocket socket = null!;
    private FakeSlackConnection? current;
    private int drops;
    private int redelivered;
    private int roleChanges;

    public async Task<AnswerTally> RunAsync(string workFolder, CancellationToken ct)
    {
        api = await FakeSlackApi.StartAsync();
        socket = await FakeSlackSocket.StartAsync(autoHello: true);
        ConnectSocketMode(api, socket);
        api.AddUser("U0MANA", "mana", isAdmin: true);
        for (var i = 0; i < Members; i++)
        {
            api.AddUser(UserId(i), $"member{i}");
        }

        using var stopTracking = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tracking = Task.Run(() => TrackAsync(stopTracking.Token), stopTracking.Token);
        using var bot = BotProcess.Start(executable, workFolder, new Dictionary<string, string>
        {
            ["Slack__BotToken"] = BotToken,
            ["Slack__AppToken"] = FakeSlackSocket.AppToken,
            ["Slack__ApiBaseUrl"] = api.BaseUrl.ToString(),
        });
        try
        {
            using (var starting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                starting.CancelAfter(StartTimeout);
                var setup = await SendAsync($"admin interests create {CommandMix.Interest}", "U0MANA", starting.Token);
                while (!acks.ContainsKey(setup))
                {
                    await Task.Delay(10, starting.Token);
                }

                sentAt.TryRemove(setup, out _);
            }

            var started = Stopwatch.GetTimestamp();
            await DriveAsync(ct);
            var driven = Stopwatch.GetElapsedTime(started);
            await RunEnd.DrainAsync(() => sentAt.Keys.All(acks.ContainsKey), ct);
            return Tally(driven, bot);
        }
        finally
        {
            await RunEnd.StopAsync(stopTracking, tracking, bot, socket, api);
        }
    }

    /// <summary>Takes each new socket, sends it what the previous one left unacknowledged, and reads its acknowledgements.</summary>
    private async Task TrackAsync(CancellationToken ct)
    {
        var readers = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var next = await socket.NextConnectionAsync(ct);
                readers.Add(Task.Run(() => ReadAcksAsync(next, ct), ct));
                await sending.WaitAsync(ct);
                try
                {
                    var previous = Interlocked.Exchange(ref current, next);
                    if (previous is not null)
                    {
                        // A dropped socket is closed already; one the bot replaced on its own gets a moment to end.
                        await previous.Closed.WaitAsync(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                        Interlocked.Add(ref redelivered, (await previous.RedeliverUnackedAsync(next, ct)).Count);
                    }
                }
                finally
                {
                    sending.Release();
                }
            }
        }
        finally
        {
            await Task.WhenAll(readers).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task ReadAcksAsync(FakeSlackConnection connection, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var frame = await connection.ReceiveAsync(ct);
                if (frame.TryGetProperty("envelope_id", out var id) && id.GetString() is { } envelope)
                {
                    var answered = frame.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object && payload.EnumerateObject().Any();
                    var list = acks.GetOrAdd(envelope, _ => []);
                    lock (list)
                    {
                        list.Add((Stopwatch.GetTimestamp(), answered));
                    }
                }
            }
        }
        catch (Exception e) when (e is System.Threading.Channels.ChannelClosedException or OperationCanceledException)
        {
            // The socket ended, or the run did.
        }
    }

    private async Task DriveAsync(CancellationToken ct)
    {
        var since = Stopwatch.GetTimestamp();
        var nextDrop = dropEverySeconds / 2.0;
        for (var n = 0; n < seconds * rate; n++)
        {
            var at = (double)n / rate;
            if (at >= nextDrop)
            {
                Drop();
                nextDrop += dropEverySeconds;
            }

            var wait = TimeSpan.FromSeconds(at) - Stopwatch.GetElapsedTime(since);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            await SendAsync(Command(n), UserId(n % Members), ct);
        }
    }

    /// <summary>Drops the socket and makes <c>conversations.invite</c> answer 429 for a while, as a rush of joins would.</summary>
    private void Drop()
    {
        if (Volatile.Read(ref current) is { Closed.IsCompleted: false } connection)
        {
            connection.Abort();
            drops++;
        }

        api.RateLimitNext("conversations.invite", InviteRetryAfterSeconds, times: 5);
    }

    private string Command(int n)
    {
        var (path, name, changesSpace) = CommandMix.For(n);
        if (changesSpace)
        {
            Interlocked.Increment(ref roleChanges);
        }

        return name is null ? path : $"{path} {name}";
    }

    private async Task<string> SendAsync(string text, string user, CancellationToken ct)
    {
        while (Volatile.Read(ref current) is null)
        {
            await Task.Delay(5, ct);
        }

        var id = $"bench-{sentAt.Count + 1}-{Guid.NewGuid():N}";
        var payload = SlashCommand(id, text, user, Channel);
        await sending.WaitAsync(ct);
        try
        {
            sentAt[id] = Stopwatch.GetTimestamp();
            await Volatile.Read(ref current)!.SendEnvelopeAsync("slash_commands", payload.ToJsonString(), ct, id);
        }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException or IOException or ObjectDisposedException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // The socket is gone: the envelope is among those the next socket gets again.
        }
        finally
        {
            sending.Release();
        }

        return id;
    }

    private AnswerTally Tally(TimeSpan driven, BotProcess bot)
    {
        var latencies = new List<double>();
        var inAck = 0;
        var duplicates = 0;
        foreach (var (id, at) in sentAt)
        {
            if (acks.TryGetValue(id, out var list))
            {
                lock (list)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(at, list.Min(a => a.At)).TotalSeconds);
                    var answers = list.Count(a => a.Answered);
                    inAck += answers > 0 ? 1 : 0;
                    duplicates += Math.Max(0, answers - 1);
                }
            }
        }

        return new AnswerTally(
            Sent: sentAt.Count,
            Latencies: [.. latencies.Order()],
            Deferred: sentAt.Count - inAck,
            Duplicates: duplicates,
            RoleChanges: Volatile.Read(ref roleChanges),
            RoleCalls: api.Calls.Count(c => c.Method is "conversations.invite" or "conversations.kick"),
            RoleLimited: 0,
            Faults: new Dictionary<string, int>(StringComparer.Ordinal) { ["dropped socket"] = drops, ["envelopes sent again"] = Volatile.Read(ref redelivered) },
            Connections: socket.ConnectionCount,
            Late: 0,
            LatestSeconds: 0,
            DrivenSeconds: driven.TotalSeconds,
            BotErrors: bot.ErrorLines,
            BotLog: bot.LogPath);
    }

    /// <summary>
    /// <c>/network <paramref name="text"/></c> as Slack sends it in a <c>slash_commands</c> envelope, from
    /// <paramref name="user"/> in <paramref name="channel"/>; <paramref name="responseUrl"/> when the answer may come later.
    /// </summary>
    internal static JsonObject SlashCommand(string id, string text, string user, string channel, Uri? responseUrl = null)
    {
        var payload = new JsonObject
        {
            ["team_id"] = FakeSlackApi.TeamId,
            ["channel_id"] = channel,
            ["user_id"] = user,
            ["user_name"] = user,
            ["command"] = "/network",
            ["text"] = text,
            ["trigger_id"] = $"trigger-{id}",
            ["api_app_id"] = FakeSlackSocket.AppId,
            ["is_enterprise_install"] = false,
        };
        if (responseUrl is not null)
        {
            payload["response_url"] = responseUrl.ToString();
        }

        return payload;
    }

    /// <summary>Has <paramref name="api"/> hand out <paramref name="socket"/>'s Socket Mode URLs from <c>apps.connections.open</c>, as Slack does.</summary>
    internal static void ConnectSocketMode(FakeSlackApi api, FakeSlackSocket socket)
    {
        var socketHost = socket.ApiBaseUrl.Authority;
        var tickets = 0;
        api.Handle("apps.connections.open", _ => new JsonObject
        {
            ["ok"] = true,
            ["url"] = $"ws://{socketHost}{FakeSlackSocket.SocketPath}?ticket={Interlocked.Increment(ref tickets)}&app_id={FakeSlackSocket.AppId}",
        });
    }

    private static string UserId(int n) => "U0B" + n.ToString("D4", CultureInfo.InvariantCulture);
}
