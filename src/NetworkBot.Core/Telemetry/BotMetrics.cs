using System.Diagnostics.Metrics;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Telemetry;

/// <summary>
/// What the bot counts of its work, on the meter <see cref="MeterName"/>: interactions answered and how long each
/// answer (or defer) took from its receipt, and outbox deliveries by result. The outbox's depth and lag are observed
/// on the same meter by <see cref="Outbox.OutboxGauges"/>.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "NetworkBot";

    private readonly Counter<long> interactions;
    private readonly Histogram<double> answerDuration;
    private readonly Counter<long> deliveries;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        interactions = meter.CreateCounter<long>(
            "networkbot.interactions", "{interaction}", "Interactions answered or deferred, by platform and kind.");
        answerDuration = meter.CreateHistogram(
            "networkbot.interaction.answer.duration",
            "s",
            "From an interaction's receipt to its answer or defer being sent; both platforms allow 3 s.",
            tags: null,
            // Buckets around the 3 s window the platforms allow, rather than the SDK's millisecond-scale defaults.
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5, 10] });
        deliveries = meter.CreateCounter<long>(
            "networkbot.deliveries", "{delivery}", "Outbox delivery attempts, by platform and result (delivered, retry, failed).");
    }

    /// <summary>An interaction on <paramref name="platform"/> was answered (or deferred) <paramref name="sinceReceipt"/> after it arrived.</summary>
    public void Answered(string platform, InteractionKind kind, TimeSpan sinceReceipt)
    {
        var onPlatform = new KeyValuePair<string, object?>("platform", platform);
        interactions.Add(1, onPlatform, new KeyValuePair<string, object?>("kind", KindTag(kind)));
        answerDuration.Record(Math.Max(0, sinceReceipt.TotalSeconds), onPlatform);
    }

    /// <summary>One delivery attempt of an outbox message on <paramref name="platform"/> ended with <paramref name="result"/>.</summary>
    public void Delivered(string platform, DeliveryResult result) =>
        deliveries.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("result", ResultTag(result)));

    private static string KindTag(InteractionKind kind) => kind switch
    {
        InteractionKind.Command => "command",
        InteractionKind.Component => "component",
        InteractionKind.Form => "form",
        InteractionKind.Autocomplete => "autocomplete",
        _ => "other",
    };

    private static string ResultTag(DeliveryResult result) => result switch
    {
        DeliveryResult.Delivered => "delivered",
        DeliveryResult.RetryLater => "retry",
        _ => "failed",
    };
}
