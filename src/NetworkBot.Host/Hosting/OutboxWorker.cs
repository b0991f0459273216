using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// Delivers due outbox messages while the bot runs; a delivery problem never stops the worker. When the host stops
/// (SIGTERM), deliveries under way get <see cref="WorkerOptions.DeliveryGrace"/> to finish and be recorded.
/// </summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<WorkerOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        dispatcher.RunAsync(options.Value.OutboxPoll, options.Value.DeliveryGrace, options.Value.ClaimLease, stoppingToken);
}
