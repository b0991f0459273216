using NetworkBot.Discord.Tests.Fixtures;
using NetworkBot.Tests;
using System.Globalization;
using System.Net;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;
using NetworkBot.Transport;

namespace NetworkBot.Discord.Tests.Rest;

/// <summary>
/// Rate limits, retries and refusals through the real client and limiter. Waits run on a fake clock: each
/// test checks the request is NOT sent before the clock passes the reset and IS sent after, without sleeping.
/// </summary>
public sealed class DiscordRateLimitTests : IAsyncLifetime
{
    private static readonly DiscordMessagePayload Hello = new("hello");
    private DiscordRestHarness discord = null!;

    public async Task InitializeAsync() => discord = await DiscordRestHarness.StartAsync();

    public async Task DisposeAsync() => await discord.DisposeAsync();

    private FakeDiscordServer Server => discord.Server;

    private TimerCountingTimeProvider Clock => discord.Clock;

    private Task<DiscordMessage> Send(ulong channel) =>
        discord.Client.CreateMessageAsync(new Snowflake(channel), Hello, "n1", CancellationToken.None);

    /// <summary>For calls that must not wait: a retry would block on the fake clock, so fail instead of hanging.</summary>
    private static Task<T> Promptly<T>(Task<T> call) => call.WaitAsync(TimeSpan.FromSeconds(10));

    private static Task Promptly(Task call) => call.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>
    /// Moves the clock to just short of <paramref name="wait"/> and checks nothing more than
    /// <paramref name="sentSoFar"/> requests went out, then moves it to exactly <paramref name="wait"/>.
    /// </summary>
    private void AssertHeldFor(TimeSpan wait, int sentSoFar)
    {
        var justShort = TimeSpan.FromMilliseconds(10);
        Clock.Advance(wait - justShort);
        Assert.Equal(sentSoFar, Server.Requests.Count);
        Clock.Advance(justShort);
    }

    private static Dictionary<string, string> Bucket(string hash, int remaining, string resetAfter) => new()
    {
        ["X-RateLimit-Bucket"] = hash,
        ["X-RateLimit-Limit"] = "5",
        ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset-After"] = resetAfter,
    };

    private static string TooManyRequests(string retryAfter, bool global = false) =>
        $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter}},"global":{{(global ? "true" : "false")}}}""";

    [Fact]
    public async Task An_empty_bucket_holds_the_next_request_until_its_decimal_reset_after_passes_even_in_a_comma_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Server.Enqueue(200, FakeDiscordServer.DefaultBody, Bucket("b1", remaining: 0, resetAfter: "1.337"));
            await Send(1);

            var second = Send(1);
            await Clock.WaitForTimersAsync(1);
            AssertHeldFor(TimeSpan.FromSeconds(1.337), sentSoFar: 1);
            await second;
            Assert.Equal(2, Server.Requests.Count);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task A_bucket_with_requests_remaining_does_not_hold_the_next_request()
    {
        Server.Enqueue(200, FakeDiscordServer.DefaultBody, Bucket("b1", remaining: 1, resetAfter: "10"));

        await Send(1);
        await Promptly(Send(1));

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(0, Clock.TimersCreated);
    }

    [Fact]
    public async Task Routes_discord_puts_in_one_bucket_wait_for_each_other_in_the_same_channel()
    {
        Server.Enqueue(204, "", Bucket("shared-hash", remaining: 4, resetAfter: "2"));
        Server.Enqueue(200, FakeDiscordServer.DefaultBody, Bucket("shared-hash", remaining: 0, resetAfter: "2"));
        await discord.Client.AddThreadMemberAsync(new Snowflake(1), new Snowflake(42), CancellationToken.None);
        await Send(1); // drains the bucket the thread-member route was also mapped to

        var member = discord.Client.AddThreadMemberAsync(new Snowflake(1), new Snowflake(43), CancellationToken.None);
        await Clock.WaitForTimersAsync(1);
        AssertHeldFor(TimeSpan.FromSeconds(2), sentSoFar: 2);
        await member;
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task The_same_bucket_in_another_channel_is_not_held()
    {
        Server.Enqueue(200, FakeDiscordServer.DefaultBody, Bucket("b1", remaining: 0, resetAfter: "30"));
        await Send(1);

        await Promptly(Send(2));

        Assert.Equal(["/api/v10/channels/1/messages", "/api/v10/channels/2/messages"], Server.Requests.Select(r => r.Path));
        Assert.Equal(0, Clock.TimersCreated);
    }

    [Fact]
    public async Task A_route_429_is_retried_after_its_retry_after_and_then_succeeds()
    {
        Server.Enqueue(429, TooManyRequests("2.5"), new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user", ["Retry-After"] = "3" });

        var send = Send(1);
        await Clock.WaitForTimersAsync(1);
        AssertHeldFor(TimeSpan.FromSeconds(2.5), sentSoFar: 1);
        var sent = await send;
        Assert.Equal(new Snowflake(1), sent.Id);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(Server.Requests[0].Body, Server.Requests[1].Body); // same nonce: the retry cannot post twice
    }

    [Fact]
    public async Task A_global_429_pauses_other_routes_until_it_passes()
    {
        Server.Enqueue(429, TooManyRequests("2", global: true), new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" });
        var first = Send(1);
        await Clock.WaitForTimersAsync(1);

        var other = discord.Client.CreateDmAsync(new Snowflake(42), CancellationToken.None);
        await Clock.WaitForTimersAsync(2);
        AssertHeldFor(TimeSpan.FromSeconds(2), sentSoFar: 1);
        await Task.WhenAll(first, other);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task A_global_429_does_not_hold_interaction_callbacks()
    {
        Server.Enqueue(429, TooManyRequests("2", global: true), new Dictionary<string, string> { ["X-RateLimit-Scope"] = "global" });
        var first = Send(1);
        await Clock.WaitForTimersAsync(1);
        Server.Enqueue(204);

        await Promptly(discord.Client.CreateInteractionResponseAsync(new Snowflake(9), "tok", new(DiscordInteractionResponse.DeferredChannelMessageWithSource), CancellationToken.None));

        Assert.Equal(2, Server.Requests.Count);
        Assert.False(first.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await first;
    }

    [Fact]
    public async Task A_shared_resource_429_is_waited_out_on_that_resource()
    {
        Server.Enqueue(429, TooManyRequests("3"), new Dictionary<string, string> { ["X-RateLimit-Scope"] = "shared", ["X-RateLimit-Bucket"] = "b1" });

        var send = Send(1);
        await Clock.WaitForTimersAsync(1);
        await Promptly(Send(2)); // another channel is a different resource
        AssertHeldFor(TimeSpan.FromSeconds(3), sentSoFar: 2);
        await send;
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task Past_the_burst_requests_are_paced_at_the_global_rate_but_interaction_callbacks_are_not()
    {
        var burst = (int)(DiscordRateLimiter.DocumentedGlobalRequestsPerSecond * 0.9);
        for (ulong channel = 1; channel <= (ulong)burst; channel++)
        {
            await Promptly(Send(channel));
        }

        Server.Enqueue(204);
        await Promptly(discord.Client.CreateInteractionResponseAsync(new Snowflake(9), "tok", new(DiscordInteractionResponse.DeferredUpdateMessage), CancellationToken.None));
        var next = Send(98);
        var after = Send(99);
        await Clock.WaitForTimersAsync(2);
        var interval = TimeSpan.FromSeconds(1.0 / DiscordRateLimiter.DocumentedGlobalRequestsPerSecond);
        AssertHeldFor(interval, sentSoFar: burst + 1);
        await next;
        AssertHeldFor(interval, sentSoFar: burst + 2); // each waiter has its own turn: the second waits a further interval
        await after;
        Assert.Equal(burst + 3, Server.Requests.Count);
    }

    [Theory]
    [InlineData("rest_429_user.docs", false, "user")]
    [InlineData("rest_429_global.docs", true, "global")]
    public async Task A_documented_429_is_waited_out_by_its_body_retry_after_then_retried(string fixture, bool global, string scope)
    {
        var limit = DiscordRateLimit.Parse(
            DiscordRateLimitHeaders.Parse(DiscordRestHarness.FixtureHeaders($"{fixture}.headers.json").Select(h => KeyValuePair.Create(h.Key, (IEnumerable<string>)[h.Value]))),
            DiscordFixtures.Bytes($"{fixture}.json"));
        Assert.Equal(new DiscordRateLimit(TimeSpan.FromSeconds(64.57), global, scope), limit);

        Server.Enqueue(429, DiscordRestHarness.Fixture($"{fixture}.json"), DiscordRestHarness.FixtureHeaders($"{fixture}.headers.json"));
        var send = Send(1);
        await Clock.WaitForTimersAsync(1);
        AssertHeldFor(TimeSpan.FromSeconds(64.57), sentSoFar: 1); // the body's 64.57 s, not the header's 65
        await send;
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_documented_shared_429_longer_than_the_inline_wait_is_handed_back_to_reschedule()
    {
        Server.Enqueue(429, DiscordRestHarness.Fixture("rest_429_shared_resource.docs.json"), DiscordRestHarness.FixtureHeaders("rest_429_shared_resource.docs.headers.json"));

        var limited = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => Promptly(Send(1)));

        Assert.Equal(TimeSpan.FromSeconds(1336.57), limited.RetryAfter);
        Assert.Equal("shared", limited.Scope);
        Assert.Single(Server.Requests);
        var again = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => Promptly(Send(1))); // still paused: not sent
        Assert.Single(Server.Requests);
        Assert.True(again.RetryAfter > TimeSpan.FromMinutes(20));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_backoff_then_succeed()
    {
        Server.Enqueue(502, "<html>Bad Gateway</html>");
        Server.Enqueue(503);

        var send = Send(1);
        await Clock.WaitForTimersAsync(1);
        AssertHeldFor(TimeSpan.FromSeconds(0.5), sentSoFar: 1);
        await Clock.WaitForTimersAsync(2);
        AssertHeldFor(TimeSpan.FromSeconds(1), sentSoFar: 2);
        await send;
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_after_a_backoff_with_the_same_nonce()
    {
        Server.Enqueue(FakeDiscordServer.DropConnection);

        var send = Send(1);
        await Clock.WaitForTimersAsync(1);
        AssertHeldFor(TimeSpan.FromSeconds(0.5), sentSoFar: 1);
        await send;

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(Server.Requests[0].Body, Server.Requests[1].Body);
    }

    [Fact]
    public async Task Pruning_idle_buckets_keeps_the_ones_still_holding_requests_back()
    {
        var limiter = new DiscordRateLimiter(Clock, new TransportMetrics(new TestMeterFactory()), Microsoft.Extensions.Options.Options.Create(new DiscordOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<DiscordRateLimiter>.Instance);
        var held = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "1");
        limiter.OnResponse(held, new DiscordRateLimitHeaders(5, 0, TimeSpan.FromSeconds(5), "b1", false, null, null));
        for (var i = 0; i <= 10_000; i++)
        {
            var idle = DiscordRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", $"{i}", "t");
            await limiter.AcquireAsync(idle, CancellationToken.None);
            limiter.OnResponse(idle, new DiscordRateLimitHeaders(null, null, null, null, false, null, null));
        }

        var acquire = limiter.AcquireAsync(held, CancellationToken.None).AsTask();
        await Clock.WaitForTimersAsync(1);
        Assert.False(acquire.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await acquire;
    }

    [Fact]
    public async Task A_channel_create_that_hit_a_server_error_is_not_repeated_since_it_may_exist_already()
    {
        Server.Enqueue(502, "<html>Bad Gateway</html>");

        var failed = await Assert.ThrowsAsync<DiscordApiException>(() =>
            Promptly(discord.Client.CreateGuildChannelAsync(new Snowflake(1), new DiscordChannelCreate("pairs", 0), CancellationToken.None)));

        Assert.Equal(HttpStatusCode.BadGateway, failed.Error.Status);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_role_create_is_still_retried_after_a_429_since_discord_did_not_act()
    {
        Server.Enqueue(429, TooManyRequests("1"), new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user" });
        Server.Enqueue(200, """{"id":"3","name":"Paired"}""");

        var create = discord.Client.CreateGuildRoleAsync(new Snowflake(1), new DiscordRoleCreate("Paired"), CancellationToken.None);
        await Clock.WaitForTimersAsync(1);
        AssertHeldFor(TimeSpan.FromSeconds(1), sentSoFar: 1);

        Assert.Equal(new Snowflake(3), (await create).Id);
    }

    [Fact]
    public async Task Server_errors_give_up_after_the_bounded_attempts_with_the_status()
    {
        for (var i = 0; i < RetryingSender.ApiAttempts; i++)
        {
            Server.Enqueue(500, """{"message":"Internal Server Error","code":0}""");
        }

        var send = Send(1);
        for (var timer = 1; timer < RetryingSender.ApiAttempts; timer++)
        {
            await Clock.WaitForTimersAsync(timer);
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var failed = await Assert.ThrowsAsync<DiscordApiException>(() => send);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Error.Status);
        Assert.Equal(RetryingSender.ApiAttempts, Server.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_stops_at_once_with_exactly_one_request()
    {
        Server.Enqueue(401, """{"message":"401: Unauthorized","code":0}""");

        var failed = await Assert.ThrowsAsync<DiscordAuthenticationException>(() => Promptly(discord.Client.GetGatewayBotAsync(CancellationToken.None)));

        Assert.Equal(HttpStatusCode.Unauthorized, failed.Error.Status);
        Assert.Single(Server.Requests);
        Assert.Equal(0, Clock.TimersCreated);
    }

    [Theory]
    [InlineData(403, """{"message":"Missing Permissions","code":50013}""", 50013)]
    [InlineData(403, """{"message":"Cannot send messages to this user","code":50007}""", 50007)]
    [InlineData(404, """{"message":"Unknown Channel","code":10003}""", 10003)]
    public async Task Forbidden_and_not_found_are_not_retried_and_carry_discords_code(int status, string body, int code)
    {
        Server.Enqueue(status, body);

        var failed = await Assert.ThrowsAsync<DiscordApiException>(() => Promptly(Send(1)));

        Assert.Equal(code, failed.Error.Code);
        Assert.Equal((HttpStatusCode)status, failed.Error.Status);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task An_invalid_form_body_surfaces_one_readable_line_per_field()
    {
        Server.Enqueue(400, """
            {"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"description":{"_errors":[
              {"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 4096 or fewer in length."}]}}}}}
            """);

        var failed = await Assert.ThrowsAsync<DiscordApiException>(() => Promptly(Send(1)));

        Assert.Equal(["embeds.0.description: Must be 4096 or fewer in length."], failed.Error.FieldErrors);
        Assert.Contains("embeds.0.description: Must be 4096 or fewer in length.", failed.Message);
        Assert.Single(Server.Requests);
    }
}
