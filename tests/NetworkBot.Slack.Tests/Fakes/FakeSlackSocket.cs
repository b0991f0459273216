using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.Fakes;

/// <summary>
/// A fake Slack Socket Mode service (PROTOCOLS §5) on Kestrel at 127.0.0.1, port 0: <c>POST
/// {ApiBaseUrl}apps.connections.open</c> checks the app token and hands out a single-use <c>ws://</c> URL, and the
/// socket behind it is scripted by the test: take each connection with <see cref="NextConnectionAsync"/>, send
/// hello, envelopes and disconnects, read the acknowledgements, drop it. With <see cref="AutoHello"/> every
/// connection says hello at once.
/// This file depends only on ASP.NET Core, System.Text.Json and <c>LoopbackServer</c> (the Host tests link it into
/// their build), which
/// is also why <see cref="FakeSlackConnection"/> lives in it.
/// </summary>
public sealed class FakeSlackSocket : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A111-1-fake";
    public const string AppId = "A111";
    public const string SocketPath = "/link/";

    private readonly WebApplication app;
    private readonly Channel<FakeSlackConnection> connections = Channel.CreateUnbounded<FakeSlackConnection>();
    private readonly ConcurrentQueue<FakeSlackConnection> all = new();
    private int opens;

    private FakeSlackSocket(WebApplication app)
    {
        this.app = app;
        app.UseWebSockets();
        app.Run(ServeAsync);
    }

    /// <summary>Where the Web API lives, for <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>Say hello as soon as a client connects (read when each connection opens).</summary>
    public bool AutoHello { get; set; }

    /// <summary>
    /// How many of the first connections are half-open: they still send, but never read, so the client's pings go
    /// unanswered and no close frame ever arrives. The others read, so the WebSocket layer answers pings.
    /// </summary>
    public int HalfOpenConnections { get; set; }

    /// <summary>An error for <c>apps.connections.open</c> to answer with (<c>ok:false</c>), such as <c>ratelimited</c>; null to hand out URLs.</summary>
    public string? OpenError { get; set; }

    /// <summary>How many times <c>apps.connections.open</c> was called.</summary>
    public int OpenCount => Volatile.Read(ref opens);

    /// <summary>How many WebSocket connections were opened.</summary>
    public int ConnectionCount => all.Count;

    public IReadOnlyList<FakeSlackConnection> Connections => [.. all];

    public static async Task<FakeSlackSocket> StartAsync(bool autoHello = false)
    {
        var fake = new FakeSlackSocket(LoopbackServer.Create()) { AutoHello = autoHello };
        fake.ApiBaseUrl = new Uri(await LoopbackServer.StartAsync(fake.app), "api/");
        return fake;
    }

    public async Task<FakeSlackConnection> NextConnectionAsync(CancellationToken ct) => await connections.Reader.ReadAsync(ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in all.Where(c => !c.Closed.IsCompleted))
        {
            connection.Abort();
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Task ServeAsync(HttpContext context) => context.Request.Path.Value switch
    {
        "/api/apps.connections.open" when HttpMethods.IsPost(context.Request.Method) => OpenAsync(context),
        SocketPath when context.WebSockets.IsWebSocketRequest => AcceptAsync(context),
        _ => NotFoundAsync(context),
    };

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private Task OpenAsync(HttpContext context)
    {
        var ticket = Interlocked.Increment(ref opens);
        var error = context.Request.Headers.Authorization.ToString() != $"Bearer {AppToken}" ? "invalid_auth" : OpenError;
        var host = context.Request.Host.Value;
        var body = error is null
            ? $$"""{"ok":true,"url":"ws://{{host}}{{SocketPath}}?ticket={{ticket}}&app_id={{AppId}}"}"""
            : $$"""{"ok":false,"error":"{{error}}"}""";
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSlackConnection(all.Count + 1, context, socket);
        all.Enqueue(connection);
        if (AutoHello)
        {
            await connection.HelloAsync(CancellationToken.None);
        }

        await connections.Writer.WriteAsync(connection);
        if (connection.Number > HalfOpenConnections)
        {
            await connection.PumpAsync();
        }
        else
        {
            await ((Task)connection.Closed).WaitAsync(context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            connection.Drop();
        }
    }
}

/// <summary>One client connection to <see cref="FakeSlackSocket"/>: what Slack sends on it and what the client answered.</summary>
public sealed class FakeSlackConnection
{
    private readonly FakeSocketPump pump;
    private readonly Lock gate = new();
    private readonly List<(string Id, string Type, string Payload)> sentEnvelopes = [];
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int envelopes;

    internal FakeSlackConnection(int number, HttpContext context, WebSocket socket)
    {
        Number = number;
        pump = new FakeSocketPump(context, socket);
    }

    /// <summary>1 for the first connection to the fake, 2 for the next, ….</summary>
    public int Number { get; }

    /// <summary>Every frame the client sent so far (its acknowledgements), oldest first.</summary>
    public IReadOnlyList<JsonElement> Received => pump.Received;

    /// <summary>Completes when the connection ends: with the client's close code, or null when it dropped without one.</summary>
    public Task<int?> Closed => pump.Closed;

    public Task SendAsync(string json, CancellationToken ct) => pump.SendAsync(json, ct);

    public Task HelloAsync(CancellationToken ct, int numConnections = 1) => SendAsync($$$"""
        {"type":"hello","num_connections":{{{numConnections}}},"debug_info":{"host":"applink-fake","build_number":1,"approximate_connection_time":18060},"connection_info":{"app_id":"{{{FakeSlackSocket.AppId}}}"}}
        """, ct);

    /// <summary>Sends an envelope of <paramref name="type"/> around <paramref name="payloadJson"/>; returns its <c>envelope_id</c>.</summary>
    public async Task<string> SendEnvelopeAsync(string type, string payloadJson, CancellationToken ct, string? envelopeId = null, int retryAttempt = 0)
    {
        envelopeId ??= $"fake-{Number}-{Interlocked.Increment(ref envelopes)}";
        lock (gate)
        {
            sentEnvelopes.Add((envelopeId, type, payloadJson));
        }

        var retry = type == "events_api" ? $$""","retry_attempt":{{retryAttempt}},"retry_reason":"{{(retryAttempt > 0 ? "timeout" : "")}}" """ : "";
        await SendAsync($$"""
            {"envelope_id":"{{envelopeId}}","type":"{{type}}","payload":{{payloadJson}},"accepts_response_payload":{{(type == "events_api" ? "false" : "true")}}{{retry}}}
            """, ct);
        return envelopeId;
    }

    /// <summary>
    /// Sends again, on <paramref name="to"/>, every envelope of this connection that was not acknowledged on it, as
    /// Slack does after a socket dies (same <c>envelope_id</c>); returns their ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> RedeliverUnackedAsync(FakeSlackConnection to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        var acked = Received.Select(f => f.TryGetProperty("envelope_id", out var id) ? id.GetString() : null).ToHashSet(StringComparer.Ordinal);
        List<(string Id, string Type, string Payload)> unacked;
        lock (gate)
        {
            unacked = [.. sentEnvelopes.Where(e => !acked.Contains(e.Id))];
        }

        foreach (var (id, type, payload) in unacked)
        {
            await to.SendEnvelopeAsync(type, payload, ct, id, retryAttempt: 1);
        }

        return [.. unacked.Select(e => e.Id)];
    }

    /// <summary>
    /// Returns once the client has read everything sent on this connection so far: sends an envelope of a type it does
    /// not know (acknowledged at once, in order) and waits for that acknowledgement.
    /// </summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var probe = $"probe-{Number}-{Interlocked.Increment(ref envelopes)}";
        await SendAsync($$"""{"envelope_id":"{{probe}}","type":"fake_probe","payload":{},"accepts_response_payload":false}""", ct);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (pump.Received.Any(f => f.TryGetProperty("envelope_id", out var id) && id.GetString() == probe))
                {
                    return;
                }

                next = arrived.Task;
            }

            await next.WaitAsync(ct);
        }
    }

    /// <summary>Sends <c>{"type":"disconnect","reason":…}</c>: <c>refresh_requested</c>, <c>warning</c>, <c>too_many_websockets</c>, <c>link_disabled</c>.</summary>
    public Task DisconnectAsync(string reason, CancellationToken ct) =>
        SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"applink-fake"}}""", ct);

    /// <summary>The next frame from the client, in order; every frame is also kept in <see cref="Received"/>.</summary>
    public Task<JsonElement> ReceiveAsync(CancellationToken ct) => pump.ReceiveAsync(ct);

    /// <summary>Drops the TCP connection without a close frame, as a dying network does.</summary>
    public void Abort() => pump.Abort();

    /// <summary>Ends the connection from inside its request, where the HttpContext is still alive.</summary>
    internal void Drop() => pump.Drop();

    /// <summary>Reads the client's frames until the connection ends.</summary>
    internal Task PumpAsync() => pump.RunAsync(_ =>
    {
        // Wakes SyncAsync, which looks for its probe's acknowledgement in Received (where the pump has put the frame).
        lock (gate)
        {
            arrived.TrySetResult();
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return Task.CompletedTask;
    });
}
