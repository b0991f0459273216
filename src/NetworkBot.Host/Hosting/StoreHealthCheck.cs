using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Host.Hosting;

/// <summary><c>/readyz</c>'s <c>store</c> check: the store answers a cheap query (the outbox backlog, over an index) in time.</summary>
internal sealed class StoreHealthCheck(IOutboxStore store, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetOutboxBacklogAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("answers");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"does not answer: {exception.Message}");
        }
    }
}
