using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace NetworkBot.Transport.Tests;

public sealed class JsonWebSocketTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_message_sent_in_many_fragments_is_received_whole()
    {
        var json = "{\"payload\":\"" + new string('x', 100_000) + "\"}";
        await using var server = new WebSocketServer(async ws =>
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            for (var at = 0; at < bytes.Length; at += 1000)
            {
                var end = Math.Min(at + 1000, bytes.Length);
                await ws.SendAsync(bytes.AsMemory(at, end - at), WebSocketMessageType.Text, end == bytes.Length, CancellationToken.None);
            }

            await ws.SendAsync("{\"next\":1}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        });
        using var socket = new JsonWebSocket();
        await socket.ConnectAsync(await server.StartAsync(), CancellationToken.None);

        var first = await socket.ReceiveAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(json, Encoding.UTF8.GetString(first!.Value.Span));
        var second = await socket.ReceiveAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal("{\"next\":1}", Encoding.UTF8.GetString(second!.Value.Span));
    }

    [Fact]
    public async Task The_server_close_ends_receiving_and_gives_its_code()
    {
        await using var server = new WebSocketServer(ws =>
            ws.CloseAsync((WebSocketCloseStatus)4004, "Authentication failed.", CancellationToken.None));
        using var socket = new JsonWebSocket();
        await socket.ConnectAsync(await server.StartAsync(), CancellationToken.None);

        Assert.Null(socket.ServerCloseCode);
        Assert.Null(await socket.ReceiveAsync(CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(4004, socket.ServerCloseCode);
    }

    [Fact]
    public async Task Concurrent_sends_go_out_one_whole_message_at_a_time()
    {
        const int Senders = 40;
        var received = new List<string>();
        await using var server = new WebSocketServer(async ws =>
        {
            var buffer = new byte[64 * 1024];
            while (received.Count < Senders)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await ws.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                received.Add(Encoding.UTF8.GetString(message.ToArray()));
            }
        });
        using var socket = new JsonWebSocket();
        await socket.ConnectAsync(await server.StartAsync(), CancellationToken.None);

        // Each message is large enough to take several writes; interleaved sends would throw or mix them.
        var messages = Enumerable.Range(0, Senders).Select(n => $"{{\"n\":{n},\"pad\":\"{new string((char)('a' + (n % 26)), 20_000)}\"}}").ToList();
        await Task.WhenAll(messages.Select(m => Task.Run(() => socket.SendAsync(Encoding.UTF8.GetBytes(m), CancellationToken.None)))).WaitAsync(Patience);
        await server.Done.WaitAsync(Patience);

        Assert.Equal(messages.Order(), received.Order());
    }

    [Fact]
    public async Task Closing_sends_the_code_to_the_server()
    {
        var status = new TaskCompletionSource<WebSocketCloseStatus?>();
        await using var server = new WebSocketServer(async ws =>
        {
            var result = await ws.ReceiveAsync(new byte[16], CancellationToken.None);
            status.SetResult(result.MessageType == WebSocketMessageType.Close ? ws.CloseStatus : null);
        });
        using var socket = new JsonWebSocket();
        await socket.ConnectAsync(await server.StartAsync(), CancellationToken.None);

        await socket.CloseAsync((WebSocketCloseStatus)4000).WaitAsync(Patience);

        Assert.Equal((WebSocketCloseStatus)4000, await status.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_send_stuck_on_a_connection_that_stopped_reading_holds_the_close_only_for_the_bounded_wait()
    {
        var stop = new TaskCompletionSource();
        await using var server = new WebSocketServer(_ => stop.Task); // accepts, then never reads
        using var socket = new JsonWebSocket(closeWait: TimeSpan.FromMilliseconds(200));
        await socket.ConnectAsync(await server.StartAsync(), CancellationToken.None);

        // Far more than the socket buffers on both sides and Kestrel's request buffer take: this send cannot finish.
        var stuck = socket.SendAsync(new byte[64 * 1024 * 1024], CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(stuck.IsCompleted);

        var clock = Stopwatch.StartNew();
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure).WaitAsync(Patience);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"close took {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => stuck.WaitAsync(Patience)); // the abort ends the stuck send too
        stop.SetResult();
    }
}
