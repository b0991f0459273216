using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Scheduling;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// The one clock loop of the bot: ticks the round, event and ask schedulers while the bot runs, and the retention step
/// (<see cref="RetentionScheduler"/>) once per <see cref="WorkerOptions.RetentionTick"/>, which days-long periods need no
/// more often than that. Their steps are idempotent, so a tick after a restart repeats nothing, and supervised
/// (<see cref="StepSupervisor"/>), so a step's failure never ends the loop. Only a store unreachable for
/// too long does: the <see cref="Core.Storage.StoreUnavailableException"/> leaves <see cref="ExecuteAsync"/>, which stops
/// the host.
/// </summary>
internal sealed class RoundSchedulerWorker(ScheduledSteps steps, IOptions<WorkerOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerTick, time);
        var retentionDue = DateTimeOffset.MinValue;
        do
        {
            var includeRetention = time.GetUtcNow() >= retentionDue;
            await steps.TickAsync(includeRetention, stoppingToken).ConfigureAwait(false);
            if (includeRetention)
            {
                retentionDue = time.GetUtcNow() + options.Value.RetentionTick;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
