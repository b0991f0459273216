namespace NetworkBot.Host.Hosting;

/// <summary>
/// How often the worker looks at the clock (<c>Worker:SchedulerTick</c>) and at the outbox (<c>Worker:OutboxPoll</c>).
/// The defaults suit a community; tests that move the clock by hand shorten both so a step follows at once.
/// </summary>
internal sealed class WorkerOptions
{
    public const string Section = "Worker";

    public TimeSpan SchedulerTick { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan OutboxPoll { get; set; } = TimeSpan.FromSeconds(1);
}
