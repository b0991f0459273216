using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkBot.Tests;

namespace NetworkBot.Transport.Tests;

/// <summary>A real Kestrel WebSocket endpoint on loopback that runs one test's script against each connection.</summary>
public sealed class WebSocketServer(Func<WebSocket, Task> script) : IAsyncDisposable
{
    private readonly WebApplication app = LoopbackServer.Create();
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the script has run, faulting with what it threw.</summary>
    public Task Done => done.Task;

    public async Task<Uri> StartAsync()
    {
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            try
            {
                await script(socket);
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        var root = await LoopbackServer.StartAsync(app);
        return new UriBuilder(root) { Scheme = "ws", Path = "/ws" }.Uri;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
