using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Fakes;

/// <summary>
/// A fake Discord gateway (PROTOCOLS §1) on Kestrel WebSockets at 127.0.0.1, port 0. A test takes each
/// connection with <see cref="NextConnectionAsync"/> and scripts it, or sets <see cref="AutoSession"/> to have
/// every connection say Hello, answer Identify with READY, Resume with RESUMED and heartbeats with ACKs, then
/// pushes events with <see cref="DispatchAsync"/>. <see cref="ResumeUrl"/> (sent in READY) has its own path, so
/// a test can tell a resume from a fresh connect. As Discord does, a Resume replays the session's events after the
/// sequence number the client sent, so events lost with a dropped connection still arrive; with
/// <see cref="DispatchToSessionAsync"/> an event sent while the client is away waits for that replay.
/// This file depends only on ASP.NET Core, System.Text.Json and <c>LoopbackServer</c> (the Host tests link it into
/// their build), which
/// is also why <see cref="FakeGatewayConnection"/> lives in it.
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    public const int HeartbeatInterval = 41250;
    public const string ApplicationId = "845027738276462632";
    public const string ResumePath = "/resume";

    private readonly WebApplication app;
    private readonly Channel<FakeGatewayConnection> connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly ConcurrentQueue<FakeGatewayConnection> all = new();
    private volatile FakeGatewayConnection? latest;
    private readonly Lock logGate = new();
    private readonly List<(long Seq, string Frame)> sessionLog = [];
    private FakeGatewayConnection? live;
    private long sequence;
    private int sessions;

    private FakeDiscordGateway(WebApplication app)
    {
        this.app = app;
        app.UseWebSockets();
        app.Run(AcceptAsync);
    }

    /// <summary>Where to connect, as <c>url</c> of <c>GET /gateway/bot</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The <c>resume_gateway_url</c> READY gives out.</summary>
    public Uri ResumeUrl { get; private set; } = null!;

    /// <summary>Say Hello on connect and answer Identify, Resume and heartbeats (read when each frame arrives).</summary>
    public bool AutoSession { get; set; }

    /// <summary>With <see cref="AutoSession"/>: the <c>heartbeat_interval</c> of every Hello, in milliseconds.</summary>
    public int AutoHeartbeatInterval { get; set; } = HeartbeatInterval;

    /// <summary>With <see cref="AutoSession"/>: answer heartbeats with op 11. Turn off to make the client see a zombie.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>The guild ids READY lists (as unavailable, like Discord does).</summary>
    public IReadOnlyList<string> GuildIds { get; set; } = ["290926798626357999"];

    public int ConnectionCount => all.Count;

    /// <summary>With <see cref="AutoSession"/>: the connection whose READY or RESUMED (after its replay) went out last.</summary>
    public FakeGatewayConnection? Live
    {
        get
        {
            lock (logGate)
            {
                return live;
            }
        }
    }

    /// <summary>The <c>session_id</c> of the last READY; a new one per Identify.</summary>
    public string SessionId => $"fake-session-{Volatile.Read(ref sessions)}";

    public static async Task<FakeDiscordGateway> StartAsync(bool autoSession = false)
    {
        var gateway = new FakeDiscordGateway(LoopbackServer.Create()) { AutoSession = autoSession };
        var address = await LoopbackServer.StartAsync(gateway.app);
        gateway.Url = new Uri($"ws://{address.Authority}/");
        gateway.ResumeUrl = new Uri($"ws://{address.Authority}{ResumePath}");
        return gateway;
    }

    public async Task<FakeGatewayConnection> NextConnectionAsync(CancellationToken ct) =>
        await connections.Reader.ReadAsync(ct);

    /// <summary>Sends an op 0 event with the next sequence number on the newest connection; returns that number.</summary>
    public Task<long> DispatchAsync(string type, string dataJson, CancellationToken ct) =>
        (latest ?? throw new InvalidOperationException("No client has connected yet.")).DispatchAsync(type, dataJson, ct);

    /// <summary>
    /// With <see cref="AutoSession"/>: adds an op 0 event to the session as Discord does, sending it on the
    /// <see cref="Live"/> connection; while that connection is dead or the client is reconnecting, the event stays in
    /// the session's log for the client's Resume to replay. Returns the sequence number used.
    /// </summary>
    public async Task<long> DispatchToSessionAsync(string type, string dataJson, CancellationToken ct)
    {
        long seq;
        string frame;
        FakeGatewayConnection? target;
        lock (logGate)
        {
            seq = NextSequence();
            frame = $$"""{"op":0,"t":"{{type}}","s":{{seq}},"d":{{dataJson}}}""";
            sessionLog.Add((seq, frame));
            target = live;
        }

        if (target is not null)
        {
            try
            {
                await target.SendAsync(frame, ct);
            }
            catch (Exception e) when (e is InvalidOperationException or WebSocketException or IOException
                || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // The connection died under the write: the frame is in the log for the Resume.
            }
        }

        return seq;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in all)
        {
            connection.Abort();
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal long NextSequence() => Interlocked.Increment(ref sequence);

    /// <summary>Keeps a dispatch of this session for a Resume to replay.</summary>
    internal void Record(long seq, string frame)
    {
        lock (logGate)
        {
            sessionLog.Add((seq, frame));
        }
    }

    /// <summary>
    /// The session's dispatches after <paramref name="seq"/> not yet <paramref name="sent"/>, in order: what a Resume
    /// with it missed. With <paramref name="goLive"/> and none left, <paramref name="connection"/> becomes
    /// <see cref="Live"/> in the same step, so no event falls between the replay and the live connection.
    /// </summary>
    internal IReadOnlyList<(long Seq, string Frame)> Missed(FakeGatewayConnection connection, long seq, IReadOnlySet<long> sent, bool goLive)
    {
        lock (logGate)
        {
            List<(long Seq, string Frame)> missed = [.. sessionLog.Where(e => e.Seq > seq && !sent.Contains(e.Seq)).OrderBy(e => e.Seq)];
            if (missed.Count == 0 && goLive)
            {
                live = connection;
            }

            return missed;
        }
    }

    internal void MakeLive(FakeGatewayConnection connection)
    {
        lock (logGate)
        {
            live = connection;
        }
    }

    /// <summary>Identify starts a new session: new id, sequence from 1 again.</summary>
    internal string StartSession()
    {
        lock (logGate)
        {
            sessionLog.Clear();
        }

        Interlocked.Exchange(ref sequence, 0);
        Interlocked.Increment(ref sessions);
        return SessionId;
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(this, context, socket);
        all.Enqueue(connection);
        latest = connection;
        await connections.Writer.WriteAsync(connection);
        if (AutoSession)
        {
            await connection.HelloAsync(CancellationToken.None, AutoHeartbeatInterval);
        }

        await connection.PumpAsync();
    }
}

/// <summary>One client connection to <see cref="FakeDiscordGateway"/>: what it was opened with, sent and closed with.</summary>
public sealed class FakeGatewayConnection
{
    private readonly FakeDiscordGateway gateway;
    private readonly FakeSocketPump pump;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeGatewayConnection(FakeDiscordGateway gateway, HttpContext context, WebSocket socket)
    {
        this.gateway = gateway;
        pump = new FakeSocketPump(context, socket);
        Path = context.Request.Path.Value ?? "/";
        Query = context.Request.QueryString.Value ?? "";
    }

    /// <summary>The path opened: <c>/</c> for the gateway URL, <see cref="FakeDiscordGateway.ResumePath"/> for a resume.</summary>
    public string Path { get; }

    /// <summary>The query string opened with, such as <c>?v=10&amp;encoding=json</c>.</summary>
    public string Query { get; }

    public bool IsResumeUrl => Path == FakeDiscordGateway.ResumePath;

    /// <summary>Every frame the client sent so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> Received => pump.Received;

    /// <summary>Completes when the connection ends: with the client's close code, or null when it dropped without one.</summary>
    public Task<int?> Closed => pump.Closed;

    /// <summary>With auto-session: completes once READY, or the replay and RESUMED, were sent; events may follow then.</summary>
    public Task Started => started.Task;

    public Task SendAsync(string json, CancellationToken ct) => pump.SendAsync(json, ct);

    /// <summary>The next frame from the client, in order; every frame is also kept in <see cref="Received"/>.</summary>
    public Task<JsonElement> ReceiveAsync(CancellationToken ct) => pump.ReceiveAsync(ct);

    /// <summary>The next frame with opcode <paramref name="op"/>, skipping others (such as heartbeats).</summary>
    public async Task<JsonElement> ReceiveOpAsync(int op, CancellationToken ct)
    {
        while (true)
        {
            var frame = await ReceiveAsync(ct);
            if (frame.GetProperty("op").GetInt32() == op)
            {
                return frame;
            }
        }
    }

    public Task HelloAsync(CancellationToken ct, int heartbeatInterval = FakeDiscordGateway.HeartbeatInterval) =>
        SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatInterval}},"_trace":["fake"]},"s":null,"t":null}""", ct);

    /// <summary>Sends <c>{"op":0,"t":type,"s":next,"d":data}</c> and returns the sequence number used.</summary>
    public async Task<long> DispatchAsync(string type, string dataJson, CancellationToken ct)
    {
        var seq = gateway.NextSequence();
        var frame = $$"""{"op":0,"t":"{{type}}","s":{{seq}},"d":{{dataJson}}}""";
        gateway.Record(seq, frame);
        await SendAsync(frame, ct);
        return seq;
    }

    /// <summary>Starts a new session and sends its READY, as the answer to Identify.</summary>
    public Task ReadyAsync(JsonElement identify, CancellationToken ct)
    {
        var sessionId = gateway.StartSession();
        var shard = identify.GetProperty("d").TryGetProperty("shard", out var s) ? s.GetRawText() : "[0,1]";
        var guilds = string.Join(',', gateway.GuildIds.Select(id => $$"""{"id":"{{id}}","unavailable":true}"""));
        return DispatchAsync("READY", $$$"""
            {"v":10,"user":{"id":"{{{FakeDiscordGateway.ApplicationId}}}","username":"NetworkBot","discriminator":"0","bot":true},
             "guilds":[{{{guilds}}}],"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{gateway.ResumeUrl}}}",
             "shard":{{{shard}}},"application":{"id":"{{{FakeDiscordGateway.ApplicationId}}}","flags":0}}
            """, ct);
    }

    /// <summary>Closes with <paramref name="code"/>, as Discord does, e.g. 4004 for a bad token.</summary>
    public Task CloseAsync(int code, CancellationToken ct) => pump.CloseAsync(code, "fake gateway", ct);

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort() => pump.Abort();

    /// <summary>Reads the client's frames until the connection ends, answering them in auto-session mode.</summary>
    internal Task PumpAsync() => pump.RunAsync(frame => gateway.AutoSession ? AnswerAsync(frame) : Task.CompletedTask);

    private async Task ReplayAsync(long after, HashSet<long> sent, bool goLive)
    {
        for (var missed = gateway.Missed(this, after, sent, goLive); missed.Count > 0; missed = gateway.Missed(this, after, sent, goLive))
        {
            foreach (var (seq, frame) in missed)
            {
                await SendAsync(frame, CancellationToken.None);
                sent.Add(seq);
            }
        }
    }

    private async Task AnswerAsync(JsonElement frame)
    {
        switch (frame.GetProperty("op").GetInt32())
        {
            case 1 when gateway.AckHeartbeats:
                await SendAsync("""{"op":11}""", CancellationToken.None);
                break;
            case 2:
                await ReadyAsync(frame, CancellationToken.None);
                gateway.MakeLive(this);
                started.TrySetResult();
                break;
            case 6:
                // Missed events replay, then RESUMED; what arrives meanwhile follows before the connection goes live.
                var after = frame.GetProperty("d").GetProperty("seq").GetInt64();
                var sent = new HashSet<long>();
                await ReplayAsync(after, sent, goLive: false);
                sent.Add(await DispatchAsync("RESUMED", "null", CancellationToken.None));
                await ReplayAsync(after, sent, goLive: true);
                started.TrySetResult();
                break;
        }
    }
}
