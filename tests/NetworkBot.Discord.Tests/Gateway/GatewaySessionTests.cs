namespace NetworkBot.Discord.Tests.Gateway;

/// <summary>One shard's happy path against the fake gateway: connect, Identify, READY, heartbeats, dispatches.</summary>
public sealed class GatewaySessionTests
{
    [Fact]
    public async Task Asks_gateway_bot_for_the_url_then_connects_with_version_10_and_json()
    {
        await using var harness = await GatewayHarness.StartAsync();

        var connection = await harness.NextConnectionAsync();

        Assert.Equal("/api/v10/gateway/bot", Assert.Single(harness.Rest.Requests).Path);
        Assert.Equal(("/", "?v=10&encoding=json"), (connection.Path, connection.Query));
    }

    [Fact]
    public async Task Identify_sends_the_bare_token_intents_65539_properties_and_the_shard()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.NextConnectionAsync();

        var identify = (await connection.ReceiveOpAsync(2, harness.Timeout)).GetProperty("d");

        Assert.Equal(GatewayHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(65539, identify.GetProperty("intents").GetInt32());
        Assert.Equal("networkbot", identify.GetProperty("properties").GetProperty("browser").GetString());
        Assert.False(string.IsNullOrEmpty(identify.GetProperty("properties").GetProperty("os").GetString()));
        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Ready_and_later_events_reach_the_channel_with_shard_and_sequence()
    {
        await using var harness = await GatewayHarness.StartAsync();

        var ready = await harness.Gateway.Dispatches.ReadAsync(harness.Timeout);
        await harness.Fake.DispatchAsync("GUILD_CREATE", """{"id":"290926798626357999","name":"Founders"}""", harness.Timeout);
        var guild = await harness.Gateway.Dispatches.ReadAsync(harness.Timeout);

        Assert.Equal(("READY", 0, 1L), (ready.Type, ready.ShardId, ready.Sequence));
        Assert.Equal(Fakes.FakeDiscordGateway.ApplicationId, ready.Data.GetProperty("application").GetProperty("id").GetString());
        Assert.Equal("290926798626357999", ready.Data.GetProperty("guilds")[0].GetProperty("id").GetString());
        Assert.Equal(("GUILD_CREATE", 2L, "Founders"), (guild.Type, guild.Sequence, guild.Data.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task First_heartbeat_comes_after_interval_times_jitter_then_every_interval_with_the_last_sequence()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.NextConnectionAsync();
        await harness.NextDispatchAsync("READY");

        harness.Clock.Advance(GatewayHarness.FirstHeartbeat - TimeSpan.FromMilliseconds(1));
        var seq = await harness.SyncAsync();
        Assert.Equal(0, GatewayHarness.CountSent(connection, 1));

        await harness.AdvanceUntilNextTimerAsync(TimeSpan.FromMilliseconds(1));
        var first = await connection.ReceiveOpAsync(1, harness.Timeout);
        Assert.Equal(seq, first.GetProperty("d").GetInt64());

        harness.Clock.Advance(GatewayHarness.HeartbeatInterval - TimeSpan.FromMilliseconds(1));
        var later = await harness.SyncAsync();
        Assert.Equal(1, GatewayHarness.CountSent(connection, 1));

        await harness.AdvanceUntilNextTimerAsync(TimeSpan.FromMilliseconds(1));
        Assert.Equal(later, (await connection.ReceiveOpAsync(1, harness.Timeout)).GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task A_heartbeat_request_from_discord_is_answered_at_once()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (connection, seq) = await harness.ReadyConnectionAsync();

        await connection.SendAsync("""{"op":1,"d":null}""", harness.Timeout);

        Assert.Equal(seq, (await connection.ReceiveOpAsync(1, harness.Timeout)).GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task Stopping_closes_with_1000_and_completes_the_channel()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var (connection, _) = await harness.ReadyConnectionAsync();

        await harness.StopAsync();

        Assert.Equal(1000, await connection.Closed.WaitAsync(harness.Timeout));
        await harness.Gateway.Dispatches.Completion.WaitAsync(harness.Timeout);
    }
}
