namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The bot's time in a journey: it stands still until the test moves it, while timers (heartbeats, the worker's
/// polling, answer deadlines) keep running in real time, so the transports behave as in production.
/// </summary>
public sealed class JourneyClock : TimeProvider
{
    /// <summary>Monday 7 December 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private long ticks = Start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
