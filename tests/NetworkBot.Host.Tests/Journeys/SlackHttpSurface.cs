using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// <see cref="SlackSurface"/> in HTTP mode: Slack's requests are POSTed to the bot's own listener, signed with the
/// signing secret at the bot's clock time (the bot refuses a signature more than 5 minutes from its now) — a slash
/// command as a form to <c>/slack/commands</c>, an interaction as the form field <c>payload</c> to
/// <c>/slack/interactions</c>, an event as JSON to <c>/slack/events</c> — and the HTTP response is the acknowledgement.
/// </summary>
public sealed class SlackHttpSurface : SlackSurface
{
    private const string SigningSecret = "journey-signing-secret-0123456789";

    private HttpClient? http;

    protected override Task ConfigureAsync(Dictionary<string, string?> settings, CancellationToken ct)
    {
        var listener = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort().ToString(CultureInfo.InvariantCulture)}");
        http = new HttpClient { BaseAddress = listener };
        settings["Slack:SigningSecret"] = SigningSecret;
        settings["Urls"] = listener.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    /// <summary>Slack has answered <c>auth.test</c> and the listener answers; until it listens, connections are refused.</summary>
    protected override async Task ReadyAsync(CancellationToken ct)
    {
        await Api.WaitForAsync(c => c.Method == "auth.test", ct);
        while (true)
        {
            try
            {
                using var health = await http!.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                await Task.Yield();
            }
        }
    }

    protected override async Task<JsonObject?> SendAsync(string type, JsonObject payload, CancellationToken ct)
    {
        var (path, contentType, body) = type switch
        {
            Command => ("/slack/commands", "application/x-www-form-urlencoded", Form(payload.Select(f => (f.Key, (string)f.Value!)))),
            Interactive => ("/slack/interactions", "application/x-www-form-urlencoded", Form([("payload", payload.ToJsonString())])),
            _ => ("/slack/events", "application/json", payload.ToJsonString()),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(bytes).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), signed)));
        using var response = await http!.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {text}");
        return text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : null;
    }

    protected override ValueTask DisposeTransportAsync()
    {
        http?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Form(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));
}
