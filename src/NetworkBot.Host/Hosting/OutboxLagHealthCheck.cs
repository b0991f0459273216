using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Host.Hosting;

/// <summary><c>/readyz</c>'s <c>outbox</c> check: the oldest due message has waited no longer than <c>Health:MaxOutboxLag</c>.</summary>
internal sealed class OutboxLagHealthCheck(IOutboxStore store, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var backlog = await store.GetOutboxBacklogAsync(now, cancellationToken).ConfigureAwait(false);
        var lag = backlog.LagAt(now);
        var bound = options.Value.MaxOutboxLag;
        var detail = string.Create(
            CultureInfo.InvariantCulture, $"{backlog.Depth} waiting; the oldest due has waited {lag.TotalSeconds:0} s (bound {bound.TotalSeconds:0} s)");
        return lag <= bound ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail);
    }
}
