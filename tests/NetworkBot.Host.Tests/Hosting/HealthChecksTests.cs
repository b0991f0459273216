using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkBot.Core.Outbox;
using NetworkBot.Host.Hosting;
using NetworkBot.Tests;
using NetworkBot.Transport;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace NetworkBot.Host.Tests.Hosting;

public sealed class HealthChecksTests
{
    [Fact]
    public async Task A_store_that_fails_its_query_is_unhealthy_with_the_reason()
    {
        var store = Substitute.For<IOutboxStore>();
        store.GetOutboxBacklogAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("database is locked"));

        var result = await new StoreHealthCheck(store, TimeProvider.System).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Unhealthy, "does not answer: database is locked"), (result.Status, result.Description));
    }

    [Fact]
    public async Task A_platform_not_configured_passes_and_a_configured_one_without_connections_is_starting()
    {
        using var meters = new TestMeterFactory();
        var connections = new PlatformConnections(new TransportMetrics(meters));

        var off = await new PlatformHealthCheck("slack", configured: false, connections).CheckHealthAsync(new HealthCheckContext());
        var starting = await new PlatformHealthCheck("discord", configured: true, connections).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Healthy, "not configured"), (off.Status, off.Description));
        Assert.Equal((HealthStatus.Unhealthy, "starting"), (starting.Status, starting.Description));
    }

    [Theory]
    [InlineData("Telemetry:OtlpEndpoint", "not a url", "Telemetry:OtlpEndpoint must be an absolute URL such as http://127.0.0.1:4317.")]
    [InlineData("Health:MaxOutboxLag", "00:00:00", "Health:MaxOutboxLag must be a positive time span such as 00:05:00.")]
    public async Task Run_refuses_a_bad_telemetry_or_health_setting_with_one_line(string key, string value, string problem)
    {
        using var cli = new CliRunner();
        cli.Settings["Discord:Token"] = "fake-bot-token.secret";
        cli.Settings[key] = value;

        var (exit, _, error) = await cli.RunAsync(string.Empty, "run");

        Assert.Equal(2, exit);
        Assert.Contains($"networkbot: configuration: {problem}", error, StringComparison.Ordinal);
    }
}
