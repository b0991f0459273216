using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Slack.Http;
using NetworkBot.Tests;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Host.Tests.Instances;

/// <summary>
/// Slack HTTP mode behind a load balancer: two instances on one PostgreSQL database, each serving the endpoints on
/// its own listener, with Slack's signed requests spread over both. Each instance remembers only the deliveries it saw,
/// so a retry (<c>X-Slack-Retry-Num</c>) that reaches the other one is handled again there: the handlers must leave the
/// same state and send nothing twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SlackHttpInstancesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string SigningSecret = "instances-signing-secret-0123456789";

    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));
    private readonly List<HttpClient> instances = [];
    private SlackInstances? slack;

    private CancellationToken Guard => guard.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    [PostgresFact]
    public async Task Requests_spread_over_two_instances_are_each_answered_and_a_retry_at_the_other_instance_has_no_second_effect()
    {
        slack = await SlackInstances.StartAsync();
        var database = await postgres.CreateDatabaseAsync(Guard);
        for (var instance = 0; instance < 2; instance++)
        {
            var listener = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort().ToString(CultureInfo.InvariantCulture)}");
            var http = new HttpClient { BaseAddress = listener };
            instances.Add(http);
            var token = SlackInstances.AuthorizationOf(instance);
            var settings = new Dictionary<string, string?> { ["Slack:SigningSecret"] = SigningSecret, ["Urls"] = listener.ToString().TrimEnd('/') };
            await slack.StartInstanceAsync(database, settings, async ct =>
            {
                await slack.Api.WaitForAsync(c => c.Method == "auth.test" && c.Authorization == token, ct);
                await ListeningAsync(http, ct);
            }, Guard);
        }

        // Commands alternate between the instances, each answered by the one that took it.
        for (var n = 1; n <= 6; n++)
        {
            var command = slack.SlashCommand(Member(n), "coffee join");
            var acknowledged = await PostAsync(n % 2, SlackHttpEndpoints.CommandsPath, Form(command));
            Assert.Contains(CoffeeTexts.CoffeeJoined.En, await slack.AnswerAsync(command, acknowledged, Guard), StringComparison.Ordinal);
        }

        // Slack retries an event it got no answer to in time; the retry reaches the other instance, which never saw it.
        var joined = SlackInstances.TeamJoin("Ev0NEWBIE", "U0NEWBIE").ToJsonString();
        await PostAsync(0, SlackHttpEndpoints.EventsPath, joined, "application/json");
        await PostAsync(1, SlackHttpEndpoints.EventsPath, joined, "application/json", retry: 1);

        // The App Home opened, and the same event retried at the other instance: both draw the same view.
        var home = SlackInstances.TeamJoin("Ev0HOME", Member(1));
        home["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = Member(1), ["tab"] = "home" };
        await PostAsync(1, SlackHttpEndpoints.EventsPath, home.ToJsonString(), "application/json");
        await PostAsync(0, SlackHttpEndpoints.EventsPath, home.ToJsonString(), "application/json", retry: 1);
        var published = await slack.Api.WaitUntilAsync(() => slack.Api.Calls.Where(c => c.Method == "views.publish").ToList() is { Count: 2 } both ? both : null, Guard);
        Assert.Equal([SlackInstances.AuthorizationOf(0), SlackInstances.AuthorizationOf(1)], published.Select(c => c.Authorization).Order(StringComparer.Ordinal));
        Assert.Equal(published[0].Args["view"]!.ToJsonString(), published[1].Args["view"]!.ToJsonString());

        // Two more members join through the instance that took the retry, after it.
        for (var n = 7; n <= 8; n++)
        {
            var command = slack.SlashCommand(Member(n), "coffee join");
            Assert.Contains(CoffeeTexts.CoffeeJoined.En, await slack.AnswerAsync(command, await PostAsync(1, SlackHttpEndpoints.CommandsPath, Form(command)), Guard), StringComparison.Ordinal);
        }

        for (var n = 1; n <= 8; n++)
        {
            Assert.True((await slack.Store.GetMemberAsync(SlackInstances.Workspace, new MemberId(Member(n)), Guard))?.Coffee.Joined, Member(n));
        }

        await slack.AssertWelcomedOnceAsync("U0NEWBIE", later => PostAsync(1, SlackHttpEndpoints.EventsPath, later.ToJsonString(), "application/json"), Guard);
    }

    public async Task DisposeAsync()
    {
        if (slack is not null)
        {
            await slack.DisposeAsync();
        }

        foreach (var http in instances)
        {
            http.Dispose();
        }

        guard.Dispose();
    }

    private static string Member(int n) => $"U0MEMBER{n}";

    private static string Form(JsonObject fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString((string)f.Value!)}"));

    /// <summary>Until the instance's listener takes connections, they are refused.</summary>
    private static async Task ListeningAsync(HttpClient http, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
                health.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>POSTs a request signed as Slack signs it to an instance; it must answer 200. Returns the JSON it answered with, if any.</summary>
    private async Task<JsonElement?> PostAsync(int instance, string path, string body, string contentType = "application/x-www-form-urlencoded", int retry = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = slack!.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestSignature.SignatureHeader, SlackRequestSignature.Sign(SigningSecret, timestamp, bytes));
        if (retry > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        using var response = await instances[instance].SendAsync(request, Guard);
        var text = await response.Content.ReadAsStringAsync(Guard);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} at instance {instance} answered {(int)response.StatusCode}: {text}");
        return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
    }
}
