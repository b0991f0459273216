using System.Net;
using NetworkBot.Tests;
using static NetworkBot.Transport.Tests.ScriptedCall;

namespace NetworkBot.Transport.Tests;

public sealed class RetryingSenderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TimerCountingTimeProvider clock = new();
    private readonly RetryingSender sender;

    public RetryingSenderTests() =>
        sender = new RetryingSender(clock, new Backoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(8)), maxAttempts: 3, Random.Shared);

    [Fact]
    public async Task A_server_error_is_retried_after_the_backoff_and_the_answer_returned()
    {
        var call = new ScriptedCall(true, () => Answer(HttpStatusCode.ServiceUnavailable), () => Answer(HttpStatusCode.OK));

        var sending = sender.SendAsync(call, CancellationToken.None);
        await clock.WaitForTimersAsync(1);
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(500)); // the longest the first backoff can be

        Assert.Equal(2, await sending.WaitAsync(Patience));
        Assert.Equal(2, call.Sent);
        Assert.StartsWith("503 1 ", Assert.Single(call.Log));
    }

    [Fact]
    public async Task A_rate_limit_is_retried_at_once_since_the_wait_for_the_rate_limit_holds_the_pause()
    {
        var call = new ScriptedCall(true, () => Answer(HttpStatusCode.TooManyRequests), () => Answer(HttpStatusCode.OK));

        Assert.Equal(2, await sender.SendAsync(call, CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(2, call.RateLimitWaits);
        Assert.Empty(call.Log);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_request_that_must_not_be_repeated()
    {
        var call = new ScriptedCall(false, Refused, () => Answer(HttpStatusCode.OK));

        var sending = sender.SendAsync(call, CancellationToken.None);
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(2, await sending.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_request_lost_mid_flight_is_not_repeated_when_it_must_not_be()
    {
        var call = new ScriptedCall(false, Lost, () => Answer(HttpStatusCode.OK));

        await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(call, CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(1, call.Sent);
    }

    [Fact]
    public async Task Failures_that_keep_coming_end_after_the_bounded_attempts_with_the_last_refusal()
    {
        var call = new ScriptedCall(true, Lost, () => Answer(HttpStatusCode.BadGateway), () => Answer(HttpStatusCode.BadGateway));

        var sending = sender.SendAsync(call, CancellationToken.None);
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(1));

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => sending.WaitAsync(Patience));
        Assert.Equal("refused with 502", refusal.Message);
        Assert.Equal(3, call.Sent);
    }
}
