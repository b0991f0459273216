using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Host.Hosting;

/// <summary>Delivers due outbox messages while the bot runs; a delivery problem never stops the worker.</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<WorkerOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxPoll, time);
        do
        {
            // A full batch means more may be waiting: keep going without waiting for the timer.
            while (await dispatcher.DeliverDueAsync(stoppingToken).ConfigureAwait(false) == OutboxDispatcher.BatchSize)
            {
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
