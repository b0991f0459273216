using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>Issue 13, SIGKILL: besides what <see cref="CrashRunTests{TRun}"/> checks, a kill repeats only what was in flight.</summary>
public sealed class KillCrashTests(KilledRunFixture run, ITestOutputHelper output)
    : CrashRunTests<KilledRunFixture>(run, output), IClassFixture<KilledRunFixture>
{
    [Fact]
    public void A_kill_repeats_at_most_the_message_in_flight()
    {
        Assert.Empty(Run.Tally.RepeatedOutsideStops);
        Assert.InRange(Run.Tally.Duplicates, 0, CrashRunFixture.Stops);
    }

    /// <remarks>
    /// Fails on today's code: the group's thread is made (DiscordPlatform.ThreadOfAsync) before anything records the intent
    /// to make it, and its id is saved only after Discord answered, so a kill in between makes a second thread on restart.
    /// </remarks>
    [Fact(Skip = "Delivery bug: a kill between the thread call and saving its id makes a second thread (DiscordPlatform.cs ThreadOfAsync, no recorded intent); see RELIABILITY.md")]
    public void A_kill_never_makes_a_second_thread_for_a_group() => Assert.Equal(0, Run.Tally.ExtraThreads);
}
