using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace NetworkBot.Tests;

/// <summary>
/// The server side of one WebSocket a platform fake accepted (the fake Discord gateway, the fake Socket Mode
/// service): sends one JSON text frame at a time, and pumps the client's frames, each whole, into
/// <see cref="Received"/> and a channel a test reads in order, until the connection ends.
/// </summary>
public sealed class FakeSocketPump(HttpContext context, WebSocket socket)
{
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource aborting = new();
    private readonly Channel<JsonElement> frames = Channel.CreateUnbounded<JsonElement>();
    private readonly ConcurrentQueue<JsonElement> received = new();
    private readonly TaskCompletionSource<int?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool ended;

    /// <summary>Every frame the client sent so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> Received => [.. received];

    /// <summary>Completes when the connection ends: with the client's close code, or null when it dropped without one.</summary>
    public Task<int?> Closed => closed.Task;

    /// <summary>The next frame from the client, in order; every frame is also kept in <see cref="Received"/>.</summary>
    public async Task<JsonElement> ReceiveAsync(CancellationToken ct) => await frames.Reader.ReadAsync(ct);

    public Task SendAsync(string json, CancellationToken ct) =>
        WhileOpenAsync(() => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, ct), ct);

    /// <summary>Closes with <paramref name="code"/>, as the platform does, e.g. Discord's 4004 for a bad token.</summary>
    public Task CloseAsync(int code, string description, CancellationToken ct) =>
        WhileOpenAsync(() => socket.CloseOutputAsync((WebSocketCloseStatus)code, description, ct), ct);

    /// <summary>Drops the TCP connection without a close frame, as a dying network does.</summary>
    /// <remarks>
    /// The request itself does the dropping (<see cref="Drop"/>, at the end of <see cref="RunAsync"/>): a socket or
    /// HttpContext touched from outside may already have been recycled by ASP.NET Core. Cancelling a WebSocket
    /// receive aborts the connection.
    /// </remarks>
    public void Abort()
    {
        aborting.Cancel();
        closed.TrySetResult(null);
    }

    /// <summary>Ends the connection from inside its request, where the HttpContext is still alive.</summary>
    public void Drop()
    {
        socket.Abort();
        context.Abort();
        closed.TrySetResult(null);
    }

    /// <summary>
    /// Reads the client's frames until the connection ends. <paramref name="onFrame"/> runs for each after it is in
    /// <see cref="Received"/> and before <see cref="ReceiveAsync"/> hands it out: a fake answers there, so once a
    /// test holds a frame, the answer is on the wire.
    /// </summary>
    public async Task RunAsync(Func<JsonElement, Task>? onFrame = null)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, aborting.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closed.TrySetResult((int?)result.CloseStatus);
                    return;
                }

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                received.Enqueue(frame);
                if (onFrame is not null)
                {
                    await onFrame(frame);
                }

                await frames.Writer.WriteAsync(frame);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            closed.TrySetResult(null);
        }
        finally
        {
            if (aborting.IsCancellationRequested)
            {
                Drop();
            }

            frames.Writer.TryComplete();

            // The request must not end while a write is in flight; after it, writes fail plainly instead.
            await sending.WaitAsync();
            ended = true;
            sending.Release();
        }
    }

    /// <summary>
    /// Runs one write at a time, and never after the connection ended: the client may answer a frame (by closing)
    /// before the write that sent it has returned, and the request must not end while that write is in flight.
    /// </summary>
    private async Task WhileOpenAsync(Func<Task> write, CancellationToken ct)
    {
        await sending.WaitAsync(ct);
        try
        {
            if (ended)
            {
                throw new InvalidOperationException("The client connection has ended.");
            }

            await write();
        }
        finally
        {
            sending.Release();
        }
    }
}
