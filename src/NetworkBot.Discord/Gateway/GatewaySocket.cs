using System.Net.WebSockets;
using NetworkBot.Transport;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: the shared <see cref="JsonWebSocket"/> (whole frames in, one send at a time out,
/// bounded close) plus what only Discord asks of a sender: the connection's send limit and 4096 bytes a payload.
/// </summary>
internal sealed class GatewaySocket(TimeProvider time) : IDisposable
{
    public const int MaxPayloadBytes = 4096;

    private readonly JsonWebSocket socket = new();
    private readonly GatewaySendLimiter limiter = new(time);

    /// <summary>The close code the server sent; null while open or when the connection dropped without one.</summary>
    public int? ServerCloseCode => socket.ServerCloseCode;

    public Task ConnectAsync(Uri url, CancellationToken ct) => socket.ConnectAsync(url, ct);

    /// <summary>The next whole text frame, or null once the server closed the connection.</summary>
    public Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct) => socket.ReceiveAsync(ct);

    public async Task SendAsync(GatewayPayload payload, CancellationToken ct)
    {
        var bytes = payload.ToUtf8Json();
        if (bytes.Length > MaxPayloadBytes)
        {
            // Discord would close with 4002; a payload this large is a bug in the caller, not a network condition.
            throw new InvalidOperationException($"A gateway payload of op {payload.Op} is {bytes.Length} bytes; the limit is {MaxPayloadBytes}.");
        }

        await limiter.WaitAsync(payload.Op == GatewayOpcode.Heartbeat, ct).ConfigureAwait(false);
        await socket.SendAsync(bytes, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a close frame with <paramref name="code"/> and drops the connection without waiting for the answer.
    /// Any code but 1000/1001 keeps the session resumable; 1000 is only for shutting down.
    /// </summary>
    public Task CloseAsync(int code, CancellationToken ct) => socket.CloseAsync((WebSocketCloseStatus)code, ct);

    public void Dispose() => socket.Dispose();
}
