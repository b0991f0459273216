using System.Diagnostics.Metrics;
using NetworkBot.Core.Telemetry;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// The outbox's gauges on the meter <see cref="BotMetrics.MeterName"/>: <c>networkbot.outbox.depth</c> (messages still
/// to be delivered) and <c>networkbot.outbox.lag</c> (how long the oldest due one has waited). They read the store when
/// observed, at most once per <see cref="Fresh"/>, so a scrape and an export arriving together cost one query. They
/// exist once something resolves this class; the host does when it maps <c>/metrics</c>.
/// </summary>
public sealed class OutboxGauges
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    /// <summary>A store slower than this leaves the gauges without a value for one observation rather than holding the export.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);

    private readonly IOutboxStore store;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private (OutboxBacklog Backlog, DateTimeOffset ReadAt)? last;

    public OutboxGauges(IOutboxStore store, TimeProvider time, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.store = store;
        this.time = time;
        var meter = meters.Create(BotMetrics.MeterName);
        meter.CreateObservableGauge(
            "networkbot.outbox.depth", () => Observe(b => (long)b.Depth), "{message}", "Outbox messages still to be delivered, due now or later.");
        meter.CreateObservableGauge(
            "networkbot.outbox.lag", () => Observe(b => b.LagAt(time.GetUtcNow()).TotalSeconds), "s", "How long the oldest due outbox message has been waiting.");
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<OutboxBacklog, T> value)
        where T : struct =>
        Read() is { } backlog ? [new Measurement<T>(value(backlog))] : [];

    /// <summary>
    /// Metrics callbacks are synchronous, so this waits for the query (which SQLite runs synchronously anyway). A store
    /// that fails or is slow leaves the gauges without a value; the readiness check is what reports it.
    /// </summary>
    private OutboxBacklog? Read()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (last is { } cached && now - cached.ReadAt < Fresh)
            {
                return cached.Backlog;
            }

            using var timeout = new CancellationTokenSource(ReadTimeout);
            try
            {
                var backlog = store.GetOutboxBacklogAsync(now, timeout.Token).GetAwaiter().GetResult();
                last = (backlog, now);
                return backlog;
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
