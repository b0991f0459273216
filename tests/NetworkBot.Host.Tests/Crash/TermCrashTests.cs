using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Issue 13, SIGTERM: besides what <see cref="CrashRunTests{TRun}"/> checks, a graceful stop repeats nothing. Run on
/// each embedded database by a class of its own.
/// </summary>
public abstract class TermCrashTests<TRun>(TRun run, ITestOutputHelper output) : CrashRunTests<TRun>(run, output)
    where TRun : CrashRunFixture
{
    /// <summary>0 once the host handles SIGTERM; 143 (128 + 15) when it came while the runtime was still starting.</summary>
    [Fact]
    public void Every_sigterm_ends_the_bot_with_0_or_as_the_signal_before_it_runs() =>
        Assert.All(Run.Tally.Stops, stop => Assert.Contains(stop.ExitCode, new[] { 0, 143 }));

    /// <remarks>
    /// Failed before issue 13's delivery half: SIGTERM cancelled the platform call and <c>MarkDeliveredAsync</c>, so a
    /// message whose request had reached Discord was abandoned unmarked and sent again after the restart. Deliveries
    /// under way now finish within <c>Worker:DeliveryGrace</c>.
    /// </remarks>
    [Fact]
    public void A_sigterm_posts_no_message_twice() => Assert.Empty(Run.Tally.Repeated);

    /// <remarks>Failed before for the same reason; the thread call now also finishes, and a recorded intent finds it again.</remarks>
    [Fact]
    public void A_sigterm_makes_no_second_thread() => Assert.Equal(0, Run.Tally.ExtraThreads);
}
