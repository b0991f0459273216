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
    public void Stopped_mid_delivery_and_restarted_the_bot_loses_no_message()
    {
        var tally = Run.Tally;

        // One introduction per pair, the announcement, one reminder per member going.
        Assert.Equal(CrashRunFixture.Groups + 1 + CrashRunFixture.Going, tally.Expected);
        Assert.Empty(tally.Lost);
        Assert.Equal(tally.Expected, tally.Delivered);
        Assert.Equal(0, tally.Undelivered);
        Assert.Equal(0, tally.Unexpected);
    }

    [Fact]
    public void The_database_opens_intact_after_every_stop()
    {
        Assert.All(Run.Tally.Stops, stop =>
        {
            Assert.Equal("ok", stop.Integrity);
            Assert.True(stop.StoppedInTime, $"run {stop.Run} did not end within a minute of its signal");
            Assert.False(stop.ExitedBeforeSignal, $"run {stop.Run} ended on its own (exit {stop.ExitCode})");
        });
        Assert.Equal(0, Run.Tally.Stops[^1].ExitCode);
    }
}
