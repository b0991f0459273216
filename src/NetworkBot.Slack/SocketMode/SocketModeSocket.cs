using System.Buffers;
using System.Net.WebSockets;

namespace NetworkBot.Slack.SocketMode;

/// <summary>
/// One WebSocket to Slack: whole messages in (large interactive envelopes span many receives), one send at a time
/// out (ClientWebSocket allows a single concurrent send). WebSocket pings with a pong timeout make the runtime
/// abort a half-open connection, which never delivers a close frame.
/// </summary>
internal sealed class SocketModeSocket : IDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly ArrayBufferWriter<byte> message = new(16 * 1024);

    /// <param name="keepAlive">How often to ping, and how long to wait for the pong before aborting the connection.</param>
    public SocketModeSocket((TimeSpan Interval, TimeSpan Timeout) keepAlive)
    {
        socket.Options.KeepAliveInterval = keepAlive.Interval;
        socket.Options.KeepAliveTimeout = keepAlive.Timeout;
    }

    public Task ConnectAsync(Uri url, CancellationToken ct) => socket.ConnectAsync(url, ct);

    /// <summary>The next whole text message, or null once Slack closed the connection.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct)
    {
        message.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(message.GetMemory(8 * 1024), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return message.WrittenMemory;
            }
        }
    }

    public async Task SendAsync(byte[] utf8Json, CancellationToken ct)
    {
        await sending.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Sends a normal close frame after any send under way, then drops the connection without waiting for Slack's answer.</summary>
    public async Task CloseAsync()
    {
        try
        {
            // A send stuck on a dead connection must not keep the close (and the reconnect behind it) waiting.
            if (await sending.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false))
            {
                try
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                    }
                }
                finally
                {
                    sending.Release();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is being dropped anyway.
        }
        finally
        {
            socket.Abort();
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        sending.Dispose();
    }
}
