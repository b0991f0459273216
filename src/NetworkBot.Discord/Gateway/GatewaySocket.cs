using System.Buffers;
using System.Net.WebSockets;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: reads whole frames (a message can span many receives), and sends one payload at
/// a time (ClientWebSocket allows a single concurrent send) within the connection's send limit and 4096 bytes.
/// </summary>
internal sealed class GatewaySocket(TimeProvider time) : IDisposable
{
    public const int MaxPayloadBytes = 4096;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly GatewaySendLimiter limiter = new(time);
    private readonly ArrayBufferWriter<byte> frame = new(16 * 1024);

    /// <summary>The close code the server sent; null while open or when the connection dropped without one.</summary>
    public int? ServerCloseCode => socket.CloseStatus is { } status ? (int)status : null;

    public Task ConnectAsync(Uri url, CancellationToken ct) => socket.ConnectAsync(url, ct);

    /// <summary>The next whole text frame, or null once the server closed the connection.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct)
    {
        frame.ResetWrittenCount();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(frame.GetMemory(4096), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Advance(result.Count);
        }
        while (!result.EndOfMessage);

        return frame.WrittenMemory;
    }

    public async Task SendAsync(GatewayPayload payload, CancellationToken ct)
    {
        var bytes = payload.ToUtf8Json();
        if (bytes.Length > MaxPayloadBytes)
        {
            // Discord would close with 4002; a payload this large is a bug in the caller, not a network condition.
            throw new InvalidOperationException($"A gateway payload of op {payload.Op} is {bytes.Length} bytes; the limit is {MaxPayloadBytes}.");
        }

        await limiter.WaitAsync(payload.Op == GatewayOpcode.Heartbeat, ct).ConfigureAwait(false);
        await sending.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>
    /// Sends a close frame with <paramref name="code"/> and drops the connection without waiting for the answer.
    /// Any code but 1000/1001 keeps the session resumable; 1000 is only for shutting down.
    /// </summary>
    public async Task CloseAsync(int code, CancellationToken ct)
    {
        try
        {
            await sending.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, null, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                sending.Release();
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
