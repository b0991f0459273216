namespace NetworkBot.Discord.Tests.Gateway;

/// <summary>How many shards run, how they identify and how fast they start (PROTOCOLS §1.4, §1.8).</summary>
public sealed class GatewayShardingTests
{
    [Fact]
    public async Task Without_shard_settings_every_recommended_shard_starts_in_buckets_5_s_apart()
    {
        await using var harness = await GatewayHarness.StartAsync(shards: 3, maxConcurrency: 2);

        var firstBucket = new[] { await ShardOfNextIdentifyAsync(harness), await ShardOfNextIdentifyAsync(harness) };
        await harness.SyncAsync();
        harness.Clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.Equal(2, harness.Fake.ConnectionCount);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var secondBucket = await ShardOfNextIdentifyAsync(harness);

        Assert.Equal(["0/3", "1/3"], firstBucket.Order());
        Assert.Equal("2/3", secondBucket);
    }

    [Fact]
    public async Task With_shard_settings_only_that_shard_runs()
    {
        await using var harness = await GatewayHarness.StartAsync(shards: 1, shardId: 1, shardCount: 3);

        Assert.Equal("1/3", await ShardOfNextIdentifyAsync(harness));
        var ready = await harness.NextDispatchAsync("READY");
        harness.Clock.Advance(TimeSpan.FromSeconds(5));
        await harness.SyncAsync();

        Assert.Equal(1, ready.ShardId);
        Assert.Equal(1, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task With_no_session_starts_left_it_waits_reset_after_before_identifying()
    {
        await using var harness = await GatewayHarness.StartAsync(remaining: 0, resetAfter: 60_000);

        await harness.Clock.WaitForTimersAsync(1);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(59_999));
        Assert.Equal(0, harness.Fake.ConnectionCount);
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("0/1", await ShardOfNextIdentifyAsync(harness));
        Assert.Contains(harness.Logs.Lines, l => l.EventId == 2306);
    }

    private static async Task<string> ShardOfNextIdentifyAsync(GatewayHarness harness)
    {
        var connection = await harness.NextConnectionAsync();
        var shard = (await connection.ReceiveOpAsync(2, harness.Timeout)).GetProperty("d").GetProperty("shard");
        return $"{shard[0].GetInt32()}/{shard[1].GetInt32()}";
    }
}
