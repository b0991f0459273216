using NetworkBot.Transport;

namespace NetworkBot.Transport.Tests;

public sealed class RatePacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_burst_goes_at_once_then_each_call_gets_its_own_turn_at_the_rate()
    {
        var pacer = new RatePacer(perSecond: 10, burst: 3);

        var waits = Enumerable.Range(0, 6).Select(_ => pacer.Reserve(Start, DateTimeOffset.MinValue)).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)], waits);
    }

    [Fact]
    public void Calls_reserved_together_never_exceed_the_rate_plus_the_burst_in_any_window()
    {
        var pacer = new RatePacer(perSecond: 50, burst: 5);
        var at = new List<DateTimeOffset>();
        var now = Start;
        for (var i = 0; i < 500; i++)
        {
            now += TimeSpan.FromMilliseconds(i % 7); // callers arrive unevenly
            at.Add(now + pacer.Reserve(now, DateTimeOffset.MinValue));
        }

        var mostInASecond = at.Max(t => at.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        Assert.InRange(mostInASecond, 50, 55);
    }

    [Fact]
    public void After_a_quiet_spell_the_burst_is_available_again_and_a_pause_holds_every_call_until_it_ends()
    {
        var pacer = new RatePacer(perSecond: 10, burst: 2);
        pacer.Reserve(Start, DateTimeOffset.MinValue);
        pacer.Reserve(Start, DateTimeOffset.MinValue);

        var later = Start + TimeSpan.FromSeconds(5);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(later, DateTimeOffset.MinValue));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(later, DateTimeOffset.MinValue));

        var pausedUntil = later + TimeSpan.FromSeconds(3);
        Assert.Equal(TimeSpan.FromSeconds(3), pacer.Reserve(later, pausedUntil));
    }
}
