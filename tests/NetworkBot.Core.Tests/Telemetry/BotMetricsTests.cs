using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Telemetry;
using NetworkBot.Tests;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace NetworkBot.Core.Tests.Telemetry;

public sealed class BotMetricsTests : IDisposable
{
    private readonly TestMeterFactory meters = new();

    public void Dispose() => meters.Dispose();

    [Fact]
    public void An_answer_counts_the_interaction_by_platform_and_kind_and_records_its_latency_by_platform()
    {
        using var interactions = new MetricCollector<long>(meters, BotMetrics.MeterName, "networkbot.interactions");
        using var latency = new MetricCollector<double>(meters, BotMetrics.MeterName, "networkbot.interaction.answer.duration");
        var metrics = new BotMetrics(meters);

        metrics.Answered("discord", InteractionKind.Command, TimeSpan.FromMilliseconds(250));
        metrics.Answered("slack", InteractionKind.Form, TimeSpan.FromSeconds(2));

        Assert.Equal(
            [("discord", "command"), ("slack", "form")],
            interactions.GetMeasurementSnapshot().Select(m => ((string)m.Tags["platform"]!, (string)m.Tags["kind"]!)));
        Assert.Equal(
            [("discord", 0.25), ("slack", 2.0)],
            latency.GetMeasurementSnapshot().Select(m => ((string)m.Tags["platform"]!, m.Value)));
    }

    [Fact]
    public void A_delivery_attempt_is_counted_by_platform_and_result()
    {
        using var deliveries = new MetricCollector<long>(meters, BotMetrics.MeterName, "networkbot.deliveries");
        var metrics = new BotMetrics(meters);

        metrics.Delivered("discord", new DeliveryResult.Delivered("123"));
        metrics.Delivered("slack", new DeliveryResult.RetryLater(TimeSpan.FromMinutes(1), "429"));
        metrics.Delivered("slack", new DeliveryResult.Failed("channel_not_found"));

        Assert.Equal(
            [("discord", "delivered"), ("slack", "retry"), ("slack", "failed")],
            deliveries.GetMeasurementSnapshot().Select(m => ((string)m.Tags["platform"]!, (string)m.Tags["result"]!)));
    }

    [Fact]
    public async Task The_outbox_gauges_read_the_store_at_most_once_per_freshness_window()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var store = Substitute.For<IOutboxStore>();
        store.GetOutboxBacklogAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(new OutboxBacklog(3, clock.GetUtcNow() - TimeSpan.FromSeconds(40)), new OutboxBacklog(0, null));
        using var depth = new MetricCollector<long>(meters, BotMetrics.MeterName, "networkbot.outbox.depth");
        using var lag = new MetricCollector<double>(meters, BotMetrics.MeterName, "networkbot.outbox.lag");
        _ = new OutboxGauges(store, clock, meters);

        depth.RecordObservableInstruments();
        clock.Advance(TimeSpan.FromSeconds(2));
        lag.RecordObservableInstruments();
        Assert.Equal(3, depth.LastMeasurement!.Value);
        Assert.Equal(42, lag.LastMeasurement!.Value);
        await store.Received(1).GetOutboxBacklogAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());

        clock.Advance(OutboxGauges.Fresh);
        depth.RecordObservableInstruments();
        Assert.Equal(0, depth.LastMeasurement!.Value);
    }

    [Fact]
    public void A_store_that_fails_leaves_the_outbox_gauges_without_a_value()
    {
        var store = Substitute.For<IOutboxStore>();
        store.GetOutboxBacklogAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("database is locked"));
        using var depth = new MetricCollector<long>(meters, BotMetrics.MeterName, "networkbot.outbox.depth");
        _ = new OutboxGauges(store, TimeProvider.System, meters);

        depth.RecordObservableInstruments();

        Assert.Empty(depth.GetMeasurementSnapshot());
    }
}
