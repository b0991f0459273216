using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>Issue 13, SIGTERM: besides what <see cref="CrashRunTests{TRun}"/> checks, a graceful stop repeats nothing.</summary>
public sealed class TermCrashTests(TerminatedRunFixture run, ITestOutputHelper output)
    : CrashRunTests<TerminatedRunFixture>(run, output), IClassFixture<TerminatedRunFixture>
{
    /// <summary>0 once the host handles SIGTERM; 143 (128 + 15) when it came while the runtime was still starting.</summary>
    [Fact]
    public void Every_sigterm_ends_the_bot_with_0_or_as_the_signal_before_it_runs() =>
        Assert.All(Run.Tally.Stops, stop => Assert.Contains(stop.ExitCode, new[] { 0, 143 }));

    /// <remarks>
    /// Fails on today's code: SIGTERM cancels the outbox worker's stopping token, which the dispatcher hands to the
    /// platform call and to <c>MarkDeliveredAsync</c>, so a message whose request already reached Discord is abandoned
    /// unmarked instead of finished, and sent again after the restart.
    /// </remarks>
    [Fact(Skip = "Delivery bug: a graceful stop cancels the delivery in flight instead of finishing it, so it is sent again after the restart (OutboxWorker.cs, OutboxDispatcher.cs); see RELIABILITY.md")]
    public void A_sigterm_posts_no_message_twice() => Assert.Empty(Run.Tally.Repeated);

    /// <remarks>Fails on today's code for the same reason: the cancelled thread call reached Discord, its id was never saved.</remarks>
    [Fact(Skip = "Delivery bug: a graceful stop cancels the thread call in flight, its id is never saved and the restart makes a second thread (DiscordPlatform.cs ThreadOfAsync); see RELIABILITY.md")]
    public void A_sigterm_makes_no_second_thread() => Assert.Equal(0, Run.Tally.ExtraThreads);
}
