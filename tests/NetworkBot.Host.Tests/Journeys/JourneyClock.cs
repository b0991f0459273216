namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The bot's time in a journey: it stands still until the test moves it, while timers (heartbeats, the worker's
/// polling, answer deadlines) keep running in real time, so the transports behave as in production.
/// </summary>
/// <param name="start">Where it stands first: <see cref="Start"/> for a journey; a browser test starts at the real time,
/// because the browser keeps the cookies the bot dates by this clock on its own.</param>
public sealed class JourneyClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Monday 7 December 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private long ticks = start.UtcTicks;

    public JourneyClock()
        : this(Start)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
