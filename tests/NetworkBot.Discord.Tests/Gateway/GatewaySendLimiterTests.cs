using NetworkBot.Discord.Gateway;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    private readonly TimerCountingTimeProvider clock = new();

    [Fact]
    public void Ordinary_sends_stop_at_110_a_minute_and_leave_10_places_for_heartbeats()
    {
        var limiter = new GatewaySendLimiter(clock);

        Assert.All(Enumerable.Range(0, 110), _ => Assert.Equal(TimeSpan.Zero, limiter.TryTake(heartbeat: false)));
        Assert.Equal(GatewaySendLimiter.Window, limiter.TryTake(heartbeat: false));
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(TimeSpan.Zero, limiter.TryTake(heartbeat: true)));
        Assert.Equal(GatewaySendLimiter.Window, limiter.TryTake(heartbeat: true));
    }

    [Fact]
    public void A_place_frees_up_when_the_oldest_send_leaves_the_60_s_window()
    {
        var limiter = new GatewaySendLimiter(clock);
        limiter.TryTake(heartbeat: false);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.All(Enumerable.Range(0, 119), _ => Assert.Equal(TimeSpan.Zero, limiter.TryTake(heartbeat: true)));

        Assert.Equal(TimeSpan.FromSeconds(50), limiter.TryTake(heartbeat: true));
        clock.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(TimeSpan.Zero, limiter.TryTake(heartbeat: true));
        Assert.Equal(TimeSpan.FromSeconds(10), limiter.TryTake(heartbeat: true));
    }

    [Fact]
    public async Task Waiting_for_a_place_ends_when_the_clock_frees_one()
    {
        var limiter = new GatewaySendLimiter(clock);
        Assert.All(Enumerable.Range(0, 110), _ => limiter.TryTake(heartbeat: false));

        var waiting = limiter.WaitAsync(heartbeat: false, CancellationToken.None).AsTask();
        await clock.WaitForTimersAsync(1);
        Assert.False(waiting.IsCompleted);
        clock.Advance(GatewaySendLimiter.Window);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
