using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkBot.Slack.WebApi;
using NetworkBot.Tests;
using NetworkBot.Transport;

namespace NetworkBot.Slack.Tests.WebApi;

/// <summary>The limiter paces fan-out methods to their tier before Slack has to refuse anything; waits run on a fake clock.</summary>
public sealed class SlackRateLimiterTests : IDisposable
{
    private readonly TimerCountingTimeProvider clock = new();
    private readonly TestMeterFactory meters = new();

    public void Dispose() => meters.Dispose();

    private SlackRateLimiter Limiter(double opensPerMinute)
    {
        var options = new SlackOptions();
        options.MethodsPerMinute["conversations.open"] = opensPerMinute;
        return new SlackRateLimiter(clock, new TransportMetrics(meters), Options.Create(options), NullLogger<SlackRateLimiter>.Instance);
    }

    [Fact]
    public async Task A_paced_method_goes_in_a_burst_then_one_call_per_interval_while_other_methods_are_not_held()
    {
        var limiter = Limiter(opensPerMinute: 60);
        var burst = SlackRateLimiter.BurstFor(60);
        for (var i = 0; i < burst; i++)
        {
            Assert.True(limiter.AcquireAsync("conversations.open", CancellationToken.None).IsCompletedSuccessfully);
        }

        var next = limiter.AcquireAsync("conversations.open", CancellationToken.None).AsTask();
        Assert.True(limiter.AcquireAsync("views.open", CancellationToken.None).IsCompletedSuccessfully); // an answer's modal is never paced
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_429_pauses_a_paced_method_and_its_next_turn_comes_after_the_pause()
    {
        var limiter = Limiter(opensPerMinute: 600);
        limiter.OnRateLimited("conversations.open", TimeSpan.FromSeconds(30));

        var next = limiter.AcquireAsync("conversations.open", CancellationToken.None).AsTask();
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Zero_turns_pacing_off_and_the_defaults_pace_what_a_round_calls_at_slacks_tiers()
    {
        var defaults = new SlackOptions().MethodsPerMinute;
        Assert.Equal(50, defaults["conversations.open"]);
        Assert.Equal(300, defaults["chat.postMessage"]);

        var limiter = Limiter(opensPerMinute: 0);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.AcquireAsync("conversations.open", CancellationToken.None).IsCompletedSuccessfully));
    }
}
