using System.Text.Json;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Gateway;

/// <summary>What a shard does when its connection ends (PROTOCOLS §1.6–1.7): resume, identify anew, or back off.</summary>
public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task Reconnect_request_resumes_on_the_resume_url_with_the_last_sequence()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, seq) = await harness.ReadyConnectionAsync();

        await first.SendAsync("""{"op":7,"d":null}""", harness.Timeout);

        await AssertResumesAsync(harness, seq);
        Assert.NotInRange(await first.Closed.WaitAsync(harness.Timeout) ?? 0, 1000, 1001);
    }

    [Fact]
    public async Task A_dropped_connection_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, seq) = await harness.ReadyConnectionAsync();

        first.Abort();

        await AssertResumesAsync(harness, seq);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task A_resumable_close_code_resumes(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, seq) = await harness.ReadyConnectionAsync();

        await first.CloseAsync(code, harness.Timeout);

        await AssertResumesAsync(harness, seq);
    }

    [Fact]
    public async Task A_resumable_invalid_session_resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, seq) = await harness.ReadyConnectionAsync();

        await first.SendAsync("""{"op":9,"d":true}""", harness.Timeout);

        await AssertResumesAsync(harness, seq);
    }

    [Fact]
    public async Task A_zombie_connection_is_closed_with_a_resumable_code_and_resumed()
    {
        await using var harness = await GatewayHarness.StartAsync();
        harness.Fake.AckHeartbeats = false;
        var (first, seq) = await harness.ReadyConnectionAsync();

        await harness.AdvanceUntilNextTimerAsync(GatewayHarness.FirstHeartbeat);
        await first.ReceiveOpAsync(1, harness.Timeout);
        harness.Clock.Advance(GatewayHarness.HeartbeatInterval);

        Assert.Equal(4000, await first.Closed.WaitAsync(harness.Timeout));
        await AssertResumesAsync(harness, seq);
    }

    [Fact]
    public async Task A_new_hello_forgets_a_missing_ack_of_the_previous_connection()
    {
        await using var harness = await GatewayHarness.StartAsync();
        harness.Fake.AckHeartbeats = false;
        var (first, _) = await harness.ReadyConnectionAsync();
        await harness.AdvanceUntilNextTimerAsync(GatewayHarness.FirstHeartbeat);
        await first.ReceiveOpAsync(1, harness.Timeout);
        first.Abort();
        var second = await harness.NextConnectionAsync();
        await harness.NextDispatchAsync("RESUMED");
        harness.Fake.AckHeartbeats = true;

        await harness.AdvanceUntilNextTimerAsync(GatewayHarness.FirstHeartbeat);
        await second.ReceiveOpAsync(1, harness.Timeout);
        await harness.SyncAsync();
        await harness.AdvanceUntilNextTimerAsync(GatewayHarness.HeartbeatInterval);

        await second.ReceiveOpAsync(1, harness.Timeout);
        Assert.Equal(2, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task An_invalid_session_waits_one_to_five_seconds_then_identifies_afresh_on_the_gateway_url()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ReadyConnectionAsync();
        harness.Fake.AutoSession = false;
        var timers = harness.Clock.TimersCreated;

        await first.SendAsync("""{"op":9,"d":false}""", harness.Timeout);
        await harness.Clock.WaitForTimersAsync(timers + 1);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.Equal(1, harness.Fake.ConnectionCount);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var second = await harness.NextConnectionAsync();
        Assert.Equal("/", second.Path);
        await second.HelloAsync(harness.Timeout);
        await harness.Clock.WaitForTimersAsync(timers + 3);
        harness.Clock.Advance(TimeSpan.FromSeconds(2)); // max_concurrency 1: 5 s since the first Identify
        Assert.Equal(2, (await second.ReceiveAsync(harness.Timeout)).GetProperty("op").GetInt32());
        await harness.AdvanceUntilNextTimerAsync(GatewayHarness.FirstHeartbeat);
        var heartbeat = await second.ReceiveOpAsync(1, harness.Timeout);
        Assert.Equal(JsonValueKind.Null, heartbeat.GetProperty("d").ValueKind);
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_that_ends_the_session_identifies_afresh(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (first, _) = await harness.ReadyConnectionAsync();
        var timers = harness.Clock.TimersCreated;

        await first.CloseAsync(code, harness.Timeout);

        var second = await harness.NextConnectionAsync();
        Assert.Equal("/", second.Path);
        await harness.Clock.WaitForTimersAsync(timers + 2);
        harness.Clock.Advance(TimeSpan.FromSeconds(5)); // max_concurrency 1: one Identify per 5 s
        Assert.Equal(2, (await second.ReceiveAsync(harness.Timeout)).GetProperty("op").GetInt32());
        await harness.NextDispatchAsync("READY");
        Assert.Equal("fake-session-2", harness.Fake.SessionId);
    }

    [Fact]
    public async Task Failed_connects_back_off_exponentially()
    {
        await using var harness = await GatewayHarness.StartAsync(autoSession: false);

        // FixedRandom 0.5 scales each backoff by 0.75: 1 s → 750 ms, 2 s → 1500 ms.
        foreach (var backoff in new[] { 750, 1500 })
        {
            var timers = harness.Clock.TimersCreated;
            await (await harness.NextConnectionAsync()).CloseAsync(4000, harness.Timeout);
            await harness.Clock.WaitForTimersAsync(timers + 1);
            var connections = harness.Fake.ConnectionCount;
            harness.Clock.Advance(TimeSpan.FromMilliseconds(backoff - 1));
            Assert.Equal(connections, harness.Fake.ConnectionCount);
            harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        await harness.NextConnectionAsync();
        Assert.Equal(3, harness.Fake.ConnectionCount);
    }

    private static async Task AssertResumesAsync(GatewayHarness harness, long seq)
    {
        var next = await harness.NextConnectionAsync();
        Assert.True(next.IsResumeUrl, $"reconnected to {next.Path} instead of the resume URL");
        Assert.Equal("?v=10&encoding=json", next.Query);
        var resume = await next.ReceiveAsync(harness.Timeout);
        Assert.Equal(6, resume.GetProperty("op").GetInt32());
        Assert.Equal(GatewayHarness.Token, resume.GetProperty("d").GetProperty("token").GetString());
        Assert.Equal(harness.Fake.SessionId, resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(seq, resume.GetProperty("d").GetProperty("seq").GetInt64());
        await harness.NextDispatchAsync("RESUMED");
    }
}
