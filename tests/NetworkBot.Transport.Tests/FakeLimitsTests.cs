using NetworkBot.Tests;

namespace NetworkBot.Transport.Tests;

/// <summary>The limits the benchmarks' fakes enforce, so a bound computed from them means what it says.</summary>
public sealed class FakeLimitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fake_rate_takes_its_burst_at_once_then_refuses_until_the_next_turn()
    {
        var rate = new FakeRate(perSecond: 10, burst: 3);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(rate.TryTake(Start)));
        Assert.Equal(TimeSpan.FromMilliseconds(100), rate.TryTake(Start));
        Assert.Equal(TimeSpan.FromMilliseconds(50), rate.TryTake(Start + TimeSpan.FromMilliseconds(50))); // a refused call takes nothing
        Assert.Null(rate.TryTake(Start + TimeSpan.FromMilliseconds(100)));
        Assert.NotNull(rate.TryTake(Start + TimeSpan.FromMilliseconds(150)));
    }

    [Fact]
    public void A_fake_window_counts_down_and_starts_again_with_the_first_call_after_it_ended()
    {
        var window = new FakeWindow(limit: 2, per: TimeSpan.FromSeconds(5));

        Assert.Equal((1, TimeSpan.FromSeconds(5)), window.Take(Start));
        Assert.Equal((0, TimeSpan.FromSeconds(4)), window.Take(Start + TimeSpan.FromSeconds(1)));
        Assert.Equal((-1, TimeSpan.FromSeconds(3)), window.Take(Start + TimeSpan.FromSeconds(2)));
        Assert.Equal((1, TimeSpan.FromSeconds(5)), window.Take(Start + TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public void A_call_tally_counts_calls_and_429s_per_method()
    {
        var tally = new CallTally();
        tally.Called("chat.postMessage", limited: false);
        tally.Called("chat.postMessage", limited: true);
        tally.Called("conversations.open", limited: false);

        var seen = tally.ByMethod;
        Assert.Equal((2, 1), (seen["chat.postMessage"].Calls, seen["chat.postMessage"].Limited));
        Assert.Equal((1, 0), (seen["conversations.open"].Calls, seen["conversations.open"].Limited));
        Assert.True(seen["chat.postMessage"].LastAt >= seen["chat.postMessage"].FirstAt);
    }
}
