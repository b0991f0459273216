using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// What holds whatever the signal: the real bot, stopped at random moments while it delivers a coffee round and an
/// event's reminders and restarted each time, loses no message, and its database opens intact after every stop. The
/// run's seed and stops go to each test's output.
/// </summary>
public abstract class CrashRunTests<TRun>
    where TRun : CrashRunFixture
{
    protected CrashRunTests(TRun run, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        Run = run;
        foreach (var line in run.Lines)
        {
            output.WriteLine(line);
        }
    }

    protected TRun Run { get; }

    [Fact]
    public void Stopped_mid_delivery_and_restarted_the_bot_loses_no_message() => CrashAssert.NothingLost(Run.Tally, Run.Scenario);

    [Fact]
    public void The_database_opens_intact_after_every_stop() => CrashAssert.EveryStopClean(Run.Tally);
}
