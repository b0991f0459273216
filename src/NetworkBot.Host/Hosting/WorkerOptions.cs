using NetworkBot.Core.Outbox;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// How often the worker looks at the clock (<c>Worker:SchedulerTick</c>) and at the outbox (<c>Worker:OutboxPoll</c>),
/// how long deliveries under way may take to finish once the host stops (<c>Worker:DeliveryGrace</c>; the host's
/// shutdown timeout is raised to cover it), and how long an outbox message this instance claimed stays its own
/// (<c>Worker:ClaimLease</c>: after a killed instance, another delivers its claimed messages once the lease ends).
/// The defaults suit a community; tests that move the clock by hand shorten the first two so a step follows at once.
/// </summary>
internal sealed class WorkerOptions
{
    public const string Section = "Worker";

    public TimeSpan SchedulerTick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the retention step looks for members whose data is due to be erased (<c>Worker:RetentionTick</c>).</summary>
    public TimeSpan RetentionTick { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan OutboxPoll { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan DeliveryGrace { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ClaimLease { get; set; } = OutboxDispatcher.DefaultClaimLease;

    /// <summary>What the host's shutdown timeout leaves besides <see cref="DeliveryGrace"/>, for the other services to stop.</summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(5);
}
