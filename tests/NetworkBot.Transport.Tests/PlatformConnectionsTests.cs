using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NetworkBot.Tests;

namespace NetworkBot.Transport.Tests;

public sealed class PlatformConnectionsTests : IDisposable
{
    private readonly TestMeterFactory meters = new();
    private readonly TransportMetrics metrics;
    private readonly PlatformConnections connections;

    public PlatformConnectionsTests()
    {
        metrics = new TransportMetrics(meters);
        connections = new PlatformConnections(metrics);
    }

    public void Dispose() => meters.Dispose();

    [Fact]
    public void A_platform_has_no_connections_before_its_first_is_expected()
    {
        connections.Up("slack", "http", "auth.test done");

        Assert.Empty(connections.Of("discord"));
    }

    [Fact]
    public void An_expected_connection_is_down_until_it_comes_up_and_the_platform_lists_them_by_name()
    {
        connections.Expect("discord", "shard 1");
        connections.Up("discord", "shard 0", "READY");

        Assert.Equal(
            [new ConnectionStatus("shard 0", true, "READY"), new ConnectionStatus("shard 1", false, "connecting")],
            connections.Of("discord"));
    }

    [Fact]
    public void A_lost_connection_is_down_with_its_reason_and_counted_as_a_reconnect_of_its_platform()
    {
        using var reconnects = new MetricCollector<long>(meters, TransportMetrics.MeterName, "networkbot.reconnects");
        connections.Up("discord", "shard 0", "READY");

        connections.Lost("discord", "shard 0", "closed with 4000");
        connections.Up("discord", "shard 0", "RESUMED");
        connections.Lost("discord", "shard 0", "connection lost");

        Assert.Equal(new ConnectionStatus("shard 0", false, "connection lost"), Assert.Single(connections.Of("discord")));
        Assert.Equal(2, reconnects.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(reconnects.GetMeasurementSnapshot(), m => Assert.Equal("discord", m.Tags["platform"]));
    }

    [Fact]
    public void A_rate_limit_wait_is_recorded_in_seconds_by_platform()
    {
        using var waits = new MetricCollector<double>(meters, TransportMetrics.MeterName, "networkbot.ratelimit.wait.duration");

        metrics.RateLimitWaited("slack", TimeSpan.FromMilliseconds(1500));

        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal(1.5, wait.Value);
        Assert.Equal("slack", wait.Tags["platform"]);
    }
}
