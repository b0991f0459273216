using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NetworkBot.Transport;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// One shard's gateway session across as many connections as it takes: Hello, heartbeats with zombie detection,
/// Identify or Resume, and the reconnect rules of PROTOCOLS §1.6–1.7. The reader only parses and writes dispatches
/// into the channel; it never runs a handler, so a slow handler cannot stall heartbeats or ACKs.
/// </summary>
internal sealed class GatewayShard(
    int shardId,
    int shardCount,
    string token,
    Uri gatewayUrl,
    SessionStartLimiter sessionStarts,
    ChannelWriter<GatewayDispatch> dispatches,
    TimeProvider time,
    Random random,
    ILogger logger)
{
    /// <summary>Closes a connection we want to resume from (zombie, op 7, op 9): anything but 1000/1001 keeps the session.</summary>
    public const int ResumableCloseCode = 4000;
    public const GatewayIntents Intents = GatewayIntents.Guilds | GatewayIntents.GuildMembers | GatewayIntents.GuildScheduledEvents;

    private string? sessionId;
    private Uri? resumeUrl;
    private long lastSequence = -1;

    private long? LastSequence => Volatile.Read(ref lastSequence) is var seq and >= 0 ? seq : null;

    private bool CanResume => sessionId is not null && resumeUrl is not null && LastSequence is not null;

    /// <summary>Runs until <paramref name="ct"/> is cancelled (then throws <see cref="OperationCanceledException"/>) or a fatal close.</summary>
    /// <exception cref="DiscordGatewayFatalException">Discord closed with 4004 or 4010–4014.</exception>
    public async Task RunAsync(CancellationToken ct)
    {
        var reconnects = new ReconnectLoop(time, ReconnectLoop.Reconnects, random);
        while (true)
        {
            var resume = CanResume;
            if (!resume)
            {
                await sessionStarts.WaitForBudgetAsync(shardId, ct).ConfigureAwait(false);
            }

            var end = await ConnectOnceAsync(resume, ct).ConfigureAwait(false);
            if (end.Action == GatewayCloseAction.Stop)
            {
                var fatal = GatewayCloseCodes.FatalError(end.CloseCode ?? 0);
                GatewayLog.Fatal(logger, shardId, fatal.CloseCode, fatal.Cause, fatal.Fix);
                throw fatal;
            }

            GatewayLog.Disconnected(logger, shardId, end.Reason, end.Action);
            if (end.Action == GatewayCloseAction.Identify)
            {
                // A new session must not inherit the old sequence: a stale seq makes later resumes bogus.
                sessionId = null;
                Volatile.Write(ref lastSequence, -1);
            }

            if (end.InvalidSession)
            {
                // Discord's docs and Remora wait a random 1–5 s before identifying after a rejected session.
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 5001)), time, ct).ConfigureAwait(false);
            }
            else if (end.Started || end.Reconnect)
            {
                reconnects.Succeeded();
            }
            else
            {
                await reconnects.WaitAfterFailureAsync((delay, failures) => GatewayLog.BackingOff(logger, shardId, delay.TotalSeconds, failures), ct).ConfigureAwait(false);
            }
        }
    }


    private async Task<SessionEnd> ConnectOnceAsync(bool resume, CancellationToken ct)
    {
        var url = new UriBuilder(resume ? resumeUrl! : gatewayUrl) { Query = "v=10&encoding=json" }.Uri;
        GatewayLog.Connecting(logger, shardId, shardCount, url, resume ? "resume" : "identify");
        using var socket = new GatewaySocket(time);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var state = new ConnectionState(socket);
        try
        {
            // Closing with 1000 on shutdown ends the session on purpose; the pending receive then returns.
            await using var shutdown = ct.Register(static s => _ = ((GatewaySocket)s!).CloseAsync(1000, CancellationToken.None), socket);
            await socket.ConnectAsync(url, connection.Token).ConfigureAwait(false);
            while (true)
            {
                var frame = await socket.ReceiveAsync(connection.Token).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                if (frame is not { } bytes)
                {
                    var code = socket.ServerCloseCode;
                    return new SessionEnd(GatewayCloseCodes.ActionFor(code), code is null ? "closed without a code" : $"closed with {code}", state.Started, code);
                }

                if (!GatewayPayload.TryParse(bytes.Span, out var payload))
                {
                    GatewayLog.UnreadableFrame(logger, shardId);
                    continue;
                }

                if (await HandleAsync(payload, state, resume, connection.Token).ConfigureAwait(false) is { } end)
                {
                    await socket.CloseAsync(ResumableCloseCode, CancellationToken.None).ConfigureAwait(false);
                    return end;
                }
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is WebSocketException or OperationCanceledException or IOException)
        {
            return state.Zombie
                ? new SessionEnd(GatewayCloseAction.Resume, "no heartbeat ACK", state.Started)
                : new SessionEnd(GatewayCloseAction.Resume, $"connection lost ({e.Message})", state.Started);
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            // Shutting down closed the socket under the pending receive.
            throw new OperationCanceledException("The gateway shard was stopped.", e, ct);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await state.Heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Acts on one payload; returns how the connection ends when the payload ends it.</summary>
    private async Task<SessionEnd?> HandleAsync(GatewayPayload payload, ConnectionState state, bool resume, CancellationToken ct)
    {
        switch (payload.Op)
        {
            case GatewayOpcode.Hello when payload.DataAs(GatewayJsonContext.Default.HelloData) is { } hello:
                // A fresh Hello starts a fresh heartbeat: a stale "not acked" flag would declare the new connection a zombie.
                state.Acked = true;
                state.Heartbeats = HeartbeatAsync(state, TimeSpan.FromMilliseconds(hello.HeartbeatInterval), ct);
                await (resume ? SendResumeAsync(state.Socket, ct) : SendIdentifyAsync(state.Socket, ct)).ConfigureAwait(false);
                return null;
            case GatewayOpcode.Heartbeat:
                await state.Socket.SendAsync(GatewayPayload.Heartbeat(LastSequence), ct).ConfigureAwait(false);
                return null;
            case GatewayOpcode.HeartbeatAck:
                state.Acked = true;
                return null;
            case GatewayOpcode.Reconnect:
                return new SessionEnd(GatewayCloseAction.Resume, "Discord asked to reconnect (op 7)", state.Started, Reconnect: true);
            case GatewayOpcode.InvalidSession:
                return payload.D.ValueKind == JsonValueKind.True
                    ? new SessionEnd(GatewayCloseAction.Resume, "invalid session, resumable (op 9)", state.Started)
                    : new SessionEnd(GatewayCloseAction.Identify, "invalid session (op 9)", state.Started, InvalidSession: true);
            case GatewayOpcode.Dispatch when payload.T is { } type:
                await DispatchAsync(type, payload, state, ct).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    private async Task SendIdentifyAsync(GatewaySocket socket, CancellationToken ct)
    {
        await sessionStarts.WaitForTurnAsync(shardId, ct).ConfigureAwait(false);
        var identify = new IdentifyData(token, Intents, IdentifyProperties.NetworkBot) { Shard = [shardId, shardCount] };
        await socket.SendAsync(GatewayPayload.Identify(identify), ct).ConfigureAwait(false);
    }

    private Task SendResumeAsync(GatewaySocket socket, CancellationToken ct) =>
        socket.SendAsync(GatewayPayload.Resume(new ResumeData(token, sessionId!, LastSequence!.Value)), ct);

    private async Task DispatchAsync(string type, GatewayPayload payload, ConnectionState state, CancellationToken ct)
    {
        // Only non-null sequence numbers count; heartbeats and resumes send the last one seen.
        if (payload.S is { } seq)
        {
            Volatile.Write(ref lastSequence, seq);
        }

        if (type == "READY" && payload.DataAs(GatewayJsonContext.Default.ReadyData) is { } ready)
        {
            sessionId = ready.SessionId;
            resumeUrl = new Uri(ready.ResumeGatewayUrl);
            state.Started = true;
            var guilds = payload.D.TryGetProperty("guilds", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
            GatewayLog.Ready(logger, shardId, ready.Application.Id, guilds);
        }
        else if (type == "RESUMED")
        {
            state.Started = true;
            GatewayLog.Resumed(logger, shardId);
        }

        // TryParse already copied d out of the frame buffer (JsonElement parsing owns its document), so the
        // element outlives the buffer. With the channel full this waits: events are delayed, never dropped.
        await dispatches.WriteAsync(new GatewayDispatch(type, payload.D, shardId, payload.S ?? LastSequence ?? 0) { ReceivedAt = time.GetUtcNow() }, ct).ConfigureAwait(false);
    }

    private async Task HeartbeatAsync(ConnectionState state, TimeSpan interval, CancellationToken ct)
    {
        try
        {
            var wait = interval * random.NextDouble();
            while (true)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
                wait = interval;
                if (!state.Acked)
                {
                    // Any code but 1000/1001 keeps the session resumable; the reader then sees the connection end.
                    state.Zombie = true;
                    GatewayLog.Zombie(logger, shardId);
                    await state.Socket.CloseAsync(ResumableCloseCode, CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                state.Acked = false;
                await state.Socket.SendAsync(GatewayPayload.Heartbeat(LastSequence), ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the reader decides what comes next.
        }
    }

    /// <param name="Started">READY or RESUMED arrived, so this was not a failed connect and needs no backoff.</param>
    /// <param name="Reconnect">Discord asked for it (op 7): reconnect at once, without backoff.</param>
    /// <param name="InvalidSession">op 9 <c>false</c>: wait 1–5 s, then identify.</param>
    private sealed record SessionEnd(GatewayCloseAction Action, string Reason, bool Started, int? CloseCode = null, bool Reconnect = false, bool InvalidSession = false);

    private sealed class ConnectionState(GatewaySocket socket)
    {
        private volatile bool acked;
        private volatile bool zombie;
        private volatile bool started;

        public GatewaySocket Socket { get; } = socket;

        public Task Heartbeats { get; set; } = Task.CompletedTask;

        public bool Acked { get => acked; set => acked = value; }

        public bool Zombie { get => zombie; set => zombie = value; }

        public bool Started { get => started; set => started = value; }
    }
}
