using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkBot.Slack.Inbound;
using NetworkBot.Transport;

namespace NetworkBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket from connect to close. Its reader only parses: envelopes go to the
/// <see cref="SlackInbox"/> and their acknowledgements are sent on this socket when the consumer (or the
/// deadline) gives them, so a slow consumer never holds up reading or acknowledging. It keeps reading after a
/// <c>disconnect</c> request until it is closed, so nothing is lost while its replacement connects. Once it stops
/// reading, the acknowledgements still to send are abandoned: what they were to carry goes by a redelivery's
/// acknowledgement or back to the consumer, rather than onto a socket that is gone.
/// </summary>
internal sealed class SocketModeConnection(int number, JsonWebSocket socket, SlackInbox inbox, TimeProvider time, ILogger logger)
{
    private readonly CancellationTokenSource reading = new();
    private readonly TaskCompletionSource<SocketModeFrame> hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource gone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private readonly List<Task> acks = [];
    private Task<string> ended = Task.FromResult("not started");
    private volatile bool closing;

    public int Number { get; } = number;

    /// <summary>
    /// When its hello arrived, noted by the reader before it reads on, so it is set before any later frame is acknowledged.
    /// </summary>
    public DateTimeOffset ConnectedAt { get; private set; }

    /// <summary>Completes with the <c>hello</c> frame.</summary>
    public Task<SocketModeFrame> Hello => hello.Task;

    /// <summary>Completes with the reason of Slack's <c>disconnect</c> message; the socket is still open then.</summary>
    public Task<string> DisconnectRequested => disconnect.Task;

    /// <summary>Completes with why the connection ended (closed or dropped) once the reader stops.</summary>
    public Task<string> Ended => ended;

    public void Start() => ended = ReadAsync(reading.Token);

    /// <summary>
    /// Stops handing on envelopes (Slack redelivers the unacknowledged ones on another socket), lets the
    /// acknowledgements under way go out (each is due within <see cref="SlackInbound.AckDeadline"/>) unless
    /// <paramref name="shuttingDown"/>, then closes the socket with 1000.
    /// </summary>
    public async Task CloseAsync(bool shuttingDown = false)
    {
        closing = true;
        if (!shuttingDown)
        {
            Task[] pending;
            lock (gate)
            {
                pending = [.. acks];
            }

            await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Close before cancelling the reader: cancelling a pending receive aborts a ClientWebSocket without a close frame.
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
        await reading.CancelAsync().ConfigureAwait(false);
        await ((Task)ended).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        socket.Dispose();
        reading.Dispose();
    }

    private async Task<string> ReadAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var bytes = await socket.ReceiveAsync(ct).ConfigureAwait(false);
                if (bytes is null)
                {
                    return "Slack closed the connection";
                }

                if (!SocketModeFrame.TryParse(bytes.Value.Span, out var frame))
                {
                    SocketModeLog.UnknownFrame(logger, "non-JSON");
                    continue;
                }

                await HandleAsync(frame, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return ct.IsCancellationRequested ? "closed by this bot" : $"connection lost ({e.GetType().Name})";
        }
        finally
        {
            hello.TrySetCanceled(CancellationToken.None);
            gone.TrySetResult();
        }
    }

    private async Task HandleAsync(SocketModeFrame frame, CancellationToken ct)
    {
        if (frame.Type == SocketModeFrame.Hello)
        {
            ConnectedAt = time.GetUtcNow();
            hello.TrySetResult(frame);
            return;
        }

        if (frame.Type == SocketModeFrame.Disconnect)
        {
            disconnect.TrySetResult(frame.Reason ?? "unknown");
            return;
        }

        if (closing)
        {
            return;
        }

        if (frame.EnvelopeId is not { } envelopeId)
        {
            SocketModeLog.UnknownFrame(logger, frame.Type);
            return;
        }

        if (frame.Kind is not { } kind)
        {
            // Unknown kinds are acknowledged too, or Slack would keep redelivering them.
            Track(SendAckAsync(envelopeId, null));
            return;
        }

        // The deadline starts before the write, which waits while the channel is full: the ack goes out on time anyway.
        var delivery = inbox.Receive(kind, frame.Payload, envelopeId, frame.EventId, frame.RetryAttempt);
        Track(SendAckAsync(envelopeId, delivery.Ack));
        if (delivery.Inbound is not { } inbound)
        {
            SocketModeLog.Redelivery(logger, envelopeId, frame.RetryAttempt);
            return;
        }

        try
        {
            await inbox.WriteAsync(inbound, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Closed while the channel was full: let a redelivery on another socket through.
            inbox.Release(delivery.Keys);
            throw;
        }
    }

    private void Track(Task ack)
    {
        lock (gate)
        {
            acks.RemoveAll(t => t.IsCompleted);
            acks.Add(ack);
        }
    }

    /// <summary>Sends the acknowledgement once it has its payload, unless the socket is gone by then; null: an empty one now.</summary>
    private async Task SendAckAsync(string envelopeId, AckSlot? ack)
    {
        var payload = default(JsonNode);
        if (ack is not null)
        {
            await Task.WhenAny(ack.Payload, gone.Task).ConfigureAwait(false);
            if (gone.Task.IsCompleted)
            {
                ack.Abandon();
                return;
            }

            payload = await ack.Payload.ConfigureAwait(false);
        }

        var sent = false;
        try
        {
            await socket.SendAsync(SocketModeFrame.Ack(envelopeId, payload), CancellationToken.None).ConfigureAwait(false);
            sent = true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            SocketModeLog.AckFailed(logger, envelopeId, e);
        }
        finally
        {
            ack?.Sent(sent);
        }
    }
}
