using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Coffee;

namespace NetworkBot.Host.Hosting;

/// <summary>Ticks the round scheduler while the bot runs; its steps are idempotent, so a tick after a restart repeats nothing.</summary>
internal sealed class RoundSchedulerWorker(RoundScheduler scheduler, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickInterval, time);
        do
        {
            await scheduler.TickAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
