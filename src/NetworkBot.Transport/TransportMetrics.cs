using System.Diagnostics.Metrics;

namespace NetworkBot.Transport;

/// <summary>
/// What the transport counts, on the meter <see cref="MeterName"/>, tagged by <c>platform</c> (<c>discord</c>,
/// <c>slack</c>): connections lost and made again, and how long API calls waited on the platforms' rate limits.
/// </summary>
public sealed class TransportMetrics
{
    public const string MeterName = "NetworkBot.Transport";

    private readonly Counter<long> reconnects;
    private readonly Histogram<double> rateLimitWaits;

    public TransportMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        reconnects = meter.CreateCounter<long>(
            "networkbot.reconnects", "{reconnect}", "Connections to a platform (a gateway shard, Socket Mode) that were lost and are being made again.");
        rateLimitWaits = meter.CreateHistogram<double>(
            "networkbot.ratelimit.wait.duration", "s", "Waits of API calls on a platform's rate limit (a bucket, a 429's Retry-After); the count is the number of waits.");
    }

    public void Reconnecting(string platform) => reconnects.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void RateLimitWaited(string platform, TimeSpan wait) =>
        rateLimitWaits.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("platform", platform));
}
