using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Slack.Inbound;
using NetworkBot.Transport;

namespace NetworkBot.Slack.SocketMode;

/// <summary>
/// Slack Socket Mode (PROTOCOLS §5): keeps <c>Slack:SocketConnections</c> WebSockets open with the app-level token
/// and puts every slash command, interaction and event into the <see cref="SlackInbox"/>, acknowledging each on the
/// socket it came on. Each connection is kept on its own: when Slack asks to replace one, its successor is open (its
/// <c>hello</c> heard) before it closes; a socket that never says <c>hello</c> is dropped after
/// <see cref="HelloTimeout"/>, and WebSocket pings drop half-open ones. Slack sends each envelope to one open
/// connection and redelivers it on another when it is not acknowledged; the inbox hands it on once.
/// </summary>
public sealed class SlackSocketMode(
    [FromKeyedServices(typeof(SlackSocketMode))] HttpClient http,
    SlackInbox inbox,
    IOptions<SlackOptions> options,
    PlatformConnections status,
    TimeProvider time,
    [FromKeyedServices(typeof(SlackSocketMode))] Random random,
    ILogger<SlackSocketMode> logger)
{
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How Socket Mode is named among Slack's <see cref="PlatformConnections"/>; numbered from 1 when there are several.</summary>
    public const string ConnectionName = "socket mode";

    // A connection that ends sooner than this after its hello counts as a failure, so sockets that Slack (or a
    // proxy) drops at once cannot make a tight reconnect loop. One that lived longer was working: the next opens at
    // once, since every second without a socket is a second in which acknowledgements cannot reach Slack.
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(10);

    // Another socket only makes things worse while more than 10 are open; give the others time to go away.
    private static readonly Backoff CrowdedReconnects = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

    private int connections;

    /// <summary>
    /// WebSocket pings (as the node SDK: every 5 s, 10 s for the pong). They run on the runtime's clock, not on
    /// <see cref="TimeProvider"/>: ClientWebSocket answers and tracks pongs itself, which only it can see.
    /// </summary>
    internal (TimeSpan Interval, TimeSpan Timeout) KeepAlive { get; set; } = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

    /// <summary>The names this process's connections have among Slack's <see cref="PlatformConnections"/>.</summary>
    public IReadOnlyList<string> ConnectionNames =>
        options.Value.SocketConnections == 1
            ? [ConnectionName]
            : [.. Enumerable.Range(1, options.Value.SocketConnections).Select(n => $"{ConnectionName} {n}")];

    /// <summary>
    /// Connects every connection and keeps each connected until <paramref name="ct"/> is cancelled, then closes the
    /// sockets and returns. Call it once.
    /// </summary>
    /// <exception cref="SlackSocketModeFatalException">
    /// Slack refused the app token or Socket Mode is off for the app; the cause and the fix have been logged once,
    /// and the other connections were closed first.
    /// </exception>
    public async Task RunAsync(CancellationToken ct)
    {
        var appToken = options.Value.AppToken;
        if (string.IsNullOrWhiteSpace(appToken))
        {
            throw new InvalidOperationException("Slack:AppToken is not set, so Socket Mode cannot connect.");
        }

        try
        {
            await ConnectionGroup.RunAsync(ConnectionNames.Select(name => (Func<CancellationToken, Task>)(c => KeepConnectedAsync(appToken, name, c))), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down is the normal way to end.
        }
    }

    /// <summary>One of the connections, from its first connect to the stop: replaced whenever Slack asks or it drops.</summary>
    private async Task KeepConnectedAsync(string appToken, string name, CancellationToken ct)
    {
        SocketModeConnection? current = null;
        var crowded = new ReconnectLoop(time, CrowdedReconnects, random);
        var quickDrops = new ReconnectLoop(time, ReconnectLoop.Reconnects, random);
        try
        {
            while (true)
            {
                current ??= await ConnectWithRetriesAsync(appToken, name, ct).ConfigureAwait(false);
                await Task.WhenAny(current.DisconnectRequested, current.Ended).WaitAsync(ct).ConfigureAwait(false);
                if (!current.DisconnectRequested.IsCompleted)
                {
                    var ended = await current.Ended.ConfigureAwait(false);
                    SocketModeLog.Disconnected(logger, current.Number, ended);
                    status.Lost(SlackPlatform.PlatformName, name, ended);
                    var quick = time.GetUtcNow() - current.ConnectedAt < StableAfter;
                    await current.CloseAsync().ConfigureAwait(false);
                    current = null;
                    crowded.Succeeded();
                    if (quick)
                    {
                        await quickDrops.WaitAfterFailureAsync((wait, drops) => SocketModeLog.BackingOff(logger, ended, wait.TotalSeconds, drops), ct).ConfigureAwait(false);
                    }
                    else
                    {
                        quickDrops.Succeeded();
                    }

                    continue;
                }

                var reason = await current.DisconnectRequested.ConfigureAwait(false);
                switch (reason)
                {
                    case "too_many_websockets":
                        // Opening another socket now is what keeps the count above the limit: close this one, then wait.
                        await current.CloseAsync().ConfigureAwait(false);
                        current = null;
                        status.Lost(SlackPlatform.PlatformName, name, reason);
                        await crowded.WaitAfterFailureAsync((delay, times) => CrowdedWaiting(reason, delay, times), ct).ConfigureAwait(false);
                        break;
                    case "link_disabled":
                        await current.CloseAsync().ConfigureAwait(false);
                        current = null;
                        throw Fatal(reason, "Socket Mode is turned off for this Slack app; turn it on under Socket Mode in the app's settings, or unset Slack:AppToken.");
                    default:
                        // warning, refresh_requested and anything new: replace the connection without a gap.
                        SocketModeLog.Replacing(logger, current.Number, reason);
                        crowded.Succeeded();
                        var replacement = await ConnectAsync(appToken, name, ct).ConfigureAwait(false);
                        await current.CloseAsync().ConfigureAwait(false);
                        current = replacement.Connection;
                        break;
                }
            }
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync(shuttingDown: true).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The first crowded wait says what is going on; the later ones are ordinary backoff lines.</summary>
    private void CrowdedWaiting(string reason, TimeSpan delay, int times)
    {
        if (times == 1)
        {
            SocketModeLog.TooManyWebsockets(logger, delay.TotalSeconds);
        }
        else
        {
            SocketModeLog.BackingOff(logger, reason, delay.TotalSeconds, times);
        }
    }

    private async Task<SocketModeConnection> ConnectWithRetriesAsync(string appToken, string name, CancellationToken ct)
    {
        var failures = new ReconnectLoop(time, ReconnectLoop.Reconnects, random);
        while (true)
        {
            var attempt = await ConnectAsync(appToken, name, ct).ConfigureAwait(false);
            if (attempt.Connection is { } connection)
            {
                return connection;
            }

            await failures.WaitAfterFailureAsync((delay, times) => SocketModeLog.BackingOff(logger, attempt.Failure!, delay.TotalSeconds, times), ct, attempt.RetryAfter).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a connection and waits for its <c>hello</c>; a failure (with Slack's <c>Retry-After</c>, if any) when it could not.</summary>
    /// <exception cref="SlackSocketModeFatalException">Slack refused the app token.</exception>
    private async Task<ConnectAttempt> ConnectAsync(string appToken, string name, CancellationToken ct)
    {
        var opened = await ConnectionsOpen.OpenAsync(http, options.Value.ApiBaseUrl, appToken, ct).ConfigureAwait(false);
        if (opened.Fatal)
        {
            throw Fatal(opened.Error!, "Slack refused Slack:AppToken; create an app-level token with the connections:write scope (Basic Information → App-Level Tokens) and set it.");
        }

        if (opened.Url is not { } url)
        {
            return new ConnectAttempt(null, $"apps.connections.open failed: {opened.Error}", opened.RetryAfter);
        }

        var number = Interlocked.Increment(ref connections);
        // Pings with a pong timeout make the runtime abort a half-open connection, which never delivers a close frame.
        var socket = new JsonWebSocket(o => (o.KeepAliveInterval, o.KeepAliveTimeout) = KeepAlive);
        var connection = new SocketModeConnection(number, socket, inbox, time, logger);

        // Covers the WebSocket handshake too: a socket that never says hello is as dead as one that never opens.
        using var helloTimeout = new CancellationTokenSource(HelloTimeout, time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct, helloTimeout.Token);
        try
        {
            await socket.ConnectAsync(url, waiting.Token).ConfigureAwait(false);
            connection.Start();
            var hello = await connection.Hello.WaitAsync(waiting.Token).ConfigureAwait(false);
            SocketModeLog.Connected(logger, number, hello.NumConnections, hello.ApproximateConnectionSeconds);
            status.Up(SlackPlatform.PlatformName, name, $"hello on connection {number}");
            return new ConnectAttempt(connection, null, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is OperationCanceledException or WebSocketException or IOException)
        {
            var reason = helloTimeout.IsCancellationRequested ? $"no hello within {HelloTimeout.TotalSeconds} s"
                : connection.Ended.IsCompleted ? await connection.Ended.ConfigureAwait(false)
                : $"could not connect ({e.GetType().Name})";
            SocketModeLog.Disconnected(logger, number, reason);
            await connection.CloseAsync(shuttingDown: true).ConfigureAwait(false);
            return new ConnectAttempt(null, reason, null);
        }
        catch
        {
            await connection.CloseAsync(shuttingDown: true).ConfigureAwait(false);
            throw;
        }
    }

    private SlackSocketModeFatalException Fatal(string error, string fix)
    {
        SocketModeLog.Fatal(logger, error, fix);
        return new SlackSocketModeFatalException(error, fix);
    }


    /// <param name="Connection">Open, its hello heard; null when the attempt failed.</param>
    /// <param name="RetryAfter">Slack's <c>Retry-After</c> when it rate-limited the attempt.</param>
    private sealed record ConnectAttempt(SocketModeConnection? Connection, string? Failure, TimeSpan? RetryAfter);
}
