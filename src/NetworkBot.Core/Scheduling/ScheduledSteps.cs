using NetworkBot.Core.Coffee;
using NetworkBot.Core.Events;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Core.Scheduling;

/// <summary>
/// Every scheduler of the bot in one place — rounds, events, asks and, when asked for, the retention step — so the
/// worker's clock loop, the shell's <c>/wait</c> and the tests tick the same list, and a new scheduler is added once.
/// Retention is separate because days-long periods need it far less often than the others' minutes-long steps.
/// </summary>
public sealed class ScheduledSteps(RoundScheduler rounds, EventScheduler events, AskScheduler asks, RetentionScheduler retention)
{
    /// <summary>
    /// Runs every due step of the round, event and ask schedulers, then the retention step when
    /// <paramref name="includeRetention"/>; returns how many steps were taken. Each scheduler supervises its own steps, so
    /// this throws only as they do: the store unreachable too long, or <paramref name="ct"/> cancelled.
    /// </summary>
    public async Task<int> TickAsync(bool includeRetention, CancellationToken ct)
    {
        var steps = await rounds.TickAsync(ct).ConfigureAwait(false)
            + await events.TickAsync(ct).ConfigureAwait(false)
            + await asks.TickAsync(ct).ConfigureAwait(false);
        return includeRetention ? steps + await retention.TickAsync(ct).ConfigureAwait(false) : steps;
    }
}
