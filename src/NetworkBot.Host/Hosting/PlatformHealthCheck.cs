using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkBot.Transport;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// <c>/readyz</c>'s check of one platform: when it is configured, every connection it runs is up (each Discord shard
/// READY or RESUMED; Slack's Socket Mode said <c>hello</c>, or HTTP mode passed <c>auth.test</c>).
/// </summary>
internal sealed class PlatformHealthCheck(string platform, bool configured, PlatformConnections connections) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!configured)
        {
            return Task.FromResult(HealthCheckResult.Healthy("not configured"));
        }

        var all = connections.Of(platform);
        var detail = all.Count == 0 ? "starting" : string.Join("; ", all.Select(c => $"{c.Connection}: {c.Detail}"));
        return Task.FromResult(all.Count > 0 && all.All(c => c.IsUp) ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail));
    }
}
