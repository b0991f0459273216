using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Issue 13, SIGKILL: besides what <see cref="CrashRunTests{TRun}"/> checks, a kill repeats only what was in flight.
/// Run on each embedded database by a class of its own.
/// </summary>
public abstract class KillCrashTests<TRun>(TRun run, ITestOutputHelper output) : CrashRunTests<TRun>(run, output)
    where TRun : CrashRunFixture
{
    [Fact]
    public void A_kill_repeats_at_most_the_message_in_flight() => CrashAssert.RepeatsOnlyInFlight(Run.Tally, Run.Stops);

    /// <remarks>
    /// Failed before issue 13's delivery half: the thread was made before anything recorded the intent, so a kill between
    /// the call and saving its id made a second thread. The intent is now saved first and the retry finds the thread.
    /// </remarks>
    [Fact]
    public void A_kill_never_makes_a_second_thread_for_a_group() => Assert.Equal(0, Run.Tally.ExtraThreads);
}
