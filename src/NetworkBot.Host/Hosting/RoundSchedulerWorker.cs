using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Events;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// The one clock loop of the bot: ticks the round scheduler and the event scheduler while the bot runs. Their steps
/// are idempotent, so a tick after a restart repeats nothing.
/// </summary>
internal sealed class RoundSchedulerWorker(RoundScheduler scheduler, EventScheduler events, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickInterval, time);
        do
        {
            await scheduler.TickAsync(stoppingToken).ConfigureAwait(false);
            await events.TickAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
