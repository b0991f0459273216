using System.Globalization;
using System.Net;
using System.Text.Json;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Host.Tests.Discord;
using NetworkBot.Host.Tests.Journeys;
using static NetworkBot.Discord.Tests.Fixtures.InteractionJson;
using static NetworkBot.Host.Tests.Hosting.ProbedRun;

namespace NetworkBot.Host.Tests.Hosting;

/// <summary>
/// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> of the real <c>networkbot run</c> against a fake Discord on
/// 127.0.0.1: readiness follows the gateway shard and the outbox, and the metrics count what the bot did.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class DiscordHealthRunTests : IAsyncLifetime
{
    private readonly ProbedRun probe = new();
    private FakeDiscordGateway gateway = null!;
    private FakeDiscordApi api = null!;

    private CliRunner Cli => probe.Cli;

    private CancellationToken Guard => probe.Guard;

    public async Task InitializeAsync()
    {
        gateway = await FakeDiscordGateway.StartAsync();
        api = await FakeDiscordApi.StartAsync(gateway.Url);
        Cli.Settings["Discord:Token"] = "fake-bot-token.secret";
        Cli.Settings["Discord:ApiBaseUrl"] = api.BaseUrl.ToString();
    }

    public async Task DisposeAsync()
    {
        await probe.DisposeAsync();
        await api.DisposeAsync();
        await gateway.DisposeAsync();
    }

    /// <summary>Puts a message for a Discord channel straight into the bot's outbox, created <paramref name="age"/> ago.</summary>
    private async Task EnqueueAsync(string key, TimeSpan age)
    {
        using var store = new JourneyStore(Cli.ConnectionString);
        var message = new OutboxMessage(0, CommunityId.For("discord", GuildId), key, MessageTarget.ToChannel("777000000000000001"), new Reply("hello"), DateTimeOffset.UtcNow - age);
        await store.Store.EnqueueAsync([message], Guard);
    }

    [Fact]
    public async Task Healthz_says_alive_while_readyz_names_the_discord_shard_until_it_is_ready()
    {
        probe.Start();
        var connection = await gateway.NextConnectionAsync(Guard);

        var (status, body) = await probe.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("alive", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());

        await connection.HelloAsync(Guard);
        var identify = await connection.ReceiveOpAsync(2, Guard);
        var waiting = await probe.ReadyzWhenAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", waiting.GetProperty("status").GetString());
        Assert.Equal(("unhealthy", "shard 0: connecting"), (StatusOf(waiting, "discord"), DetailOf(waiting, "discord")));
        Assert.Equal(("healthy", "healthy", "healthy"), (StatusOf(waiting, "store"), StatusOf(waiting, "outbox"), StatusOf(waiting, "slack")));
        Assert.Equal("not configured", DetailOf(waiting, "slack"));

        await connection.ReadyAsync(identify, Guard);
        var ready = await probe.ReadyzWhenAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal("shard 0: READY", DetailOf(ready, "discord"));
    }

    [Fact]
    public async Task A_gateway_that_closes_the_socket_makes_readyz_fail_until_resumed_and_counts_a_reconnect()
    {
        gateway.AutoSession = true;
        probe.Start();
        var first = await gateway.NextConnectionAsync(Guard);
        await probe.ReadyzWhenAsync(HttpStatusCode.OK);

        // The next connection gets no Hello until the test says, so the shard stays down meanwhile.
        gateway.AutoSession = false;
        await first.CloseAsync(4000, Guard);
        var second = await gateway.NextConnectionAsync(Guard);

        var down = await probe.ReadyzWhenAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("shard 0: closed with 4000", DetailOf(down, "discord"));
        await probe.MetricsWhenAsync(m => Sum(m, "networkbot_reconnects_total", ("platform", "discord")) == 1);

        await second.HelloAsync(Guard);
        var resume = await second.ReceiveOpAsync(6, Guard);
        Assert.Equal(gateway.SessionId, resume.GetProperty("d").GetProperty("session_id").GetString());
        await second.DispatchAsync("RESUMED", "{}", Guard);
        var resumed = await probe.ReadyzWhenAsync(HttpStatusCode.OK);
        Assert.Equal("shard 0: RESUMED", DetailOf(resumed, "discord"));
    }

    [Fact]
    public async Task Metrics_count_an_answered_command_its_latency_a_rate_limit_wait_and_a_delivered_message()
    {
        Assert.Equal(0, (await Cli.RunAsync(string.Empty, Guard, "migrate")).Exit);
        await EnqueueAsync("health-delivered", TimeSpan.Zero);
        gateway.AutoSession = true;
        api.RateLimitNext("/callback", global: false);
        probe.Start();
        await probe.ReadyzWhenAsync(HttpStatusCode.OK);

        var interaction = InGuild(2, Command("coffee join"));
        interaction["id"] = "1000000000000000001";
        interaction["token"] = "interaction-token";
        interaction["application_id"] = FakeDiscordGateway.ApplicationId;
        await gateway.DispatchAsync("INTERACTION_CREATE", interaction.ToJsonString(), Guard);

        var metrics = await probe.MetricsWhenAsync(m =>
            Sum(m, "networkbot_interactions_total", ("platform", "discord"), ("kind", "command")) == 1
            && Sum(m, "networkbot_deliveries_total", ("platform", "discord"), ("result", "delivered")) == 1);
        Assert.Equal(1, Sum(metrics, "networkbot_interaction_answer_duration_seconds_count", ("platform", "discord")));
        Assert.True(Sum(metrics, "networkbot_ratelimit_wait_duration_seconds_count", ("platform", "discord")) >= 1);
        Assert.Contains("networkbot_outbox_depth", metrics, StringComparison.Ordinal);
        Assert.Equal(2, api.Requests.Count(r => r.Path.EndsWith("/interaction-token/callback", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Readyz_names_the_outbox_when_its_oldest_due_message_has_waited_past_the_bound()
    {
        // The worker delivers at start and then not for an hour, so a message enqueued after its first pass waits.
        Cli.Settings["Worker:OutboxPoll"] = "01:00:00";
        Cli.Settings["Health:MaxOutboxLag"] = "00:05:00";
        Assert.Equal(0, (await Cli.RunAsync(string.Empty, Guard, "migrate")).Exit);
        await EnqueueAsync("first-pass", TimeSpan.Zero);
        gateway.AutoSession = true;
        probe.Start();
        await probe.MetricsWhenAsync(m => Sum(m, "networkbot_deliveries_total", ("result", "delivered")) == 1);
        await probe.ReadyzWhenAsync(HttpStatusCode.OK);

        await EnqueueAsync("stuck", TimeSpan.FromMinutes(10));

        var late = await probe.ReadyzWhenAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(("unhealthy", "healthy", "healthy"), (StatusOf(late, "outbox"), StatusOf(late, "store"), StatusOf(late, "discord")));
        var detail = DetailOf(late, "outbox");
        Assert.StartsWith("1 waiting; the oldest due has waited ", detail, StringComparison.Ordinal);
        Assert.EndsWith("(bound 300 s)", detail, StringComparison.Ordinal);
        Assert.True(int.Parse(detail.Split(' ')[7], CultureInfo.InvariantCulture) >= 600, detail);
    }
}
