using System.Buffers;
using System.Net.WebSockets;

namespace NetworkBot.Transport;

/// <summary>
/// One client WebSocket carrying JSON text messages, as both platforms' sockets do: whole messages in (a large
/// message spans many receives), one send at a time out (ClientWebSocket allows a single concurrent send), and a
/// close that cannot hang: it waits a bounded time for a send under way, then drops the connection regardless.
/// </summary>
public sealed class JsonWebSocket : IDisposable
{
    /// <summary>How long a close waits for a send under way, and then for its own close frame to go out.</summary>
    public static readonly TimeSpan DefaultCloseWait = TimeSpan.FromSeconds(1);

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly ArrayBufferWriter<byte> message = new(16 * 1024);
    private readonly TimeSpan closeWait;

    /// <param name="configure">Sets socket options (keep-alive pings, headers) before connecting.</param>
    /// <param name="closeWait">Overrides <see cref="DefaultCloseWait"/>.</param>
    public JsonWebSocket(Action<ClientWebSocketOptions>? configure = null, TimeSpan? closeWait = null)
    {
        configure?.Invoke(socket.Options);
        this.closeWait = closeWait ?? DefaultCloseWait;
    }

    /// <summary>The close code the server sent; null while open or when the connection dropped without one.</summary>
    public int? ServerCloseCode => socket.CloseStatus is { } status ? (int)status : null;

    public Task ConnectAsync(Uri url, CancellationToken ct) => socket.ConnectAsync(url, ct);

    /// <summary>
    /// The next whole message, or null once the server closed the connection. The memory is reused by the next
    /// receive: parse it before asking for another.
    /// </summary>
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

    /// <summary>Sends one whole text message after any send under way.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct)
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

    /// <summary>
    /// Sends a close frame with <paramref name="status"/> and drops the connection without waiting for the answer.
    /// The waits run on the runtime's clock, not on an injected <see cref="TimeProvider"/>: they guard against a
    /// dead network, and must not add timers to the clock that schedules heartbeats and reconnects.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status, CancellationToken ct = default)
    {
        try
        {
            // A send stuck on a dead connection must not keep the close (and the reconnect behind it) waiting.
            if (await sending.WaitAsync(closeWait, ct).ConfigureAwait(false))
            {
                try
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        timeout.CancelAfter(closeWait);
                        await socket.CloseOutputAsync(status, null, timeout.Token).ConfigureAwait(false);
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
