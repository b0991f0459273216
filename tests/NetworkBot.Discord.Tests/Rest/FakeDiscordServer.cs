using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Rest;

/// <summary>
/// A fake Discord REST API on Kestrel at 127.0.0.1, port 0. Each test queues the answers it wants, in order;
/// with the queue empty it answers 200 with a minimal message object. Every request is recorded.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    /// <summary>A scripted status that closes the connection without an answer, as a network failure would.</summary>
    public const int DropConnection = 0;

    public const string DefaultBody = """{"id":"1","channel_id":"2"}""";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptedResponse> script = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly SemaphoreSlim arrived = new(0);

    private FakeDiscordServer(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    /// <summary>The API base, with a path like Discord's, for <c>Discord:ApiBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Completes once <paramref name="count"/> requests have arrived; fails the test after a generous guard time.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (requests.Count < count)
        {
            await arrived.WaitAsync(guard.Token);
        }
    }

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var server = new FakeDiscordServer(LoopbackServer.Create());
        server.BaseUrl = new Uri(await LoopbackServer.StartAsync(server.app), "api/v10");
        return server;
    }

    public void Enqueue(int status, string body = "", IReadOnlyDictionary<string, string>? headers = null) =>
        script.Enqueue(new ScriptedResponse(status, body, headers));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", headers, body));
        arrived.Release();

        var answer = script.TryDequeue(out var next) ? next : new ScriptedResponse(200, DefaultBody);
        if (answer.Status == DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            if (!string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = value;
            }
        }

        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        }
    }
}
