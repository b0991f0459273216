namespace NetworkBot.Core.Outbox;

/// <summary>What the outbox holds back at one moment: for the depth and lag gauges and the readiness check.</summary>
/// <param name="Depth">Messages still to be delivered, due now or later (a retry waiting its turn included).</param>
/// <param name="OldestDueAt">When the longest-waiting message due by then fell due; null when none is due.</param>
public sealed record OutboxBacklog(int Depth, DateTimeOffset? OldestDueAt)
{
    /// <summary>How long the oldest due message has been waiting at <paramref name="now"/>; zero when none is due.</summary>
    public TimeSpan LagAt(DateTimeOffset now) => OldestDueAt is { } due && now > due ? now - due : TimeSpan.Zero;
}
