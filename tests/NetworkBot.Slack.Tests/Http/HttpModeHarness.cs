using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Slack.Http;
using NetworkBot.Slack.Inbound;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.Http;

/// <summary>A real Kestrel host on 127.0.0.1, port 0, with <c>AddSlack</c> and <c>MapSlack</c>, on a clock the test moves.</summary>
internal sealed class HttpModeHarness : IAsyncDisposable
{
    public const string SigningSecret = "fake-signing-secret-0123456789ab";

    private readonly WebApplication app;
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(20));

    private HttpModeHarness(WebApplication app, TimerCountingTimeProvider time, HttpClient client)
    {
        this.app = app;
        Time = time;
        Client = client;
        Inbox = app.Services.GetRequiredService<SlackInbox>();
    }

    public TimerCountingTimeProvider Time { get; }

    public HttpClient Client { get; }

    public SlackInbox Inbox { get; }

    public CancellationToken Timeout => guard.Token;

    public string Now => Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static async Task<HttpModeHarness> StartAsync()
    {
        var time = new TimerCountingTimeProvider();
        var builder = LoopbackServer.CreateBuilder();
        builder.Configuration.AddInMemoryCollection([new("Slack:SigningSecret", SigningSecret)]);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddSlack();
        var app = builder.Build();
        app.MapSlack();
        return new HttpModeHarness(app, time, new HttpClient { BaseAddress = await LoopbackServer.StartAsync(app) });
    }

    /// <summary>Posts <paramref name="body"/> signed as Slack does, unless the test gives other header values (an empty string leaves a header out).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType, string? timestamp = null, string? signature = null, int? retryNum = null, CancellationToken? ct = null)
    {
        timestamp ??= Now;
        signature ??= SlackRequestSignature.Sign(SigningSecret, timestamp, body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (timestamp.Length > 0)
        {
            request.Headers.Add(SlackRequestSignature.TimestampHeader, timestamp);
        }

        if (signature.Length > 0)
        {
            request.Headers.Add(SlackRequestSignature.SignatureHeader, signature);
        }

        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return Client.SendAsync(request, ct ?? Timeout);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, byte[] body, string? timestamp = null, string? signature = null) =>
        PostAsync(path, body, "application/x-www-form-urlencoded", timestamp, signature);

    public Task<HttpResponseMessage> PostJsonAsync(string path, byte[] body, int? retryNum = null) =>
        PostAsync(path, body, "application/json", retryNum: retryNum);

    public async Task<SlackInbound> NextInboundAsync() => await Inbox.Reader.ReadAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        guard.Dispose();
    }
}
