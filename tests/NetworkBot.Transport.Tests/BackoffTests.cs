using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Tests;

namespace NetworkBot.Transport.Tests;

public sealed class BackoffTests
{
    private static readonly Backoff Reconnect = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 2_000)]
    [InlineData(3, 4_000)]
    [InlineData(6, 32_000)]
    [InlineData(7, 60_000)]
    [InlineData(1_000, 60_000)]
    public void Without_jitter_each_failure_doubles_the_wait_up_to_the_cap(int attempt, int milliseconds)
    {
        // A draw just below 1 is the top of the jitter range: the un-jittered wait.
        var wait = Reconnect.Delay(attempt, new FixedRandom(1.0 - 1e-12));

        Assert.Equal(milliseconds, wait.TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void The_lowest_draw_halves_the_wait()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), Reconnect.Delay(1, new FixedRandom(0)));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Reconnect.Delay(2, new FixedRandom(0.5)));
    }

    [Property]
    public Property Every_wait_lies_between_half_the_capped_wait_and_the_capped_wait()
    {
        var attempts = Gen.Choose(1, 100).ToArbitrary();
        var draws = Gen.Choose(0, 999_999).Select(n => n / 1_000_000.0).ToArbitrary();
        return Prop.ForAll(attempts, draws, (attempt, draw) =>
        {
            var capped = Math.Min(60_000, 1_000 * Math.Pow(2, Math.Min(attempt - 1, 16)));
            var wait = Reconnect.Delay(attempt, new FixedRandom(draw)).TotalMilliseconds;
            return wait >= (capped / 2) - 1e-6 && wait < capped + 1e-6;
        });
    }

    [Fact]
    public void An_attempt_below_one_is_a_bug_in_the_caller()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Reconnect.Delay(0, Random.Shared));
    }
}
