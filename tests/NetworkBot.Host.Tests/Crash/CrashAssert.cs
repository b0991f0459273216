using NetworkBot.Core.Outbox;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>What every crash run must show, whatever its signal, database or number of instances.</summary>
public static class CrashAssert
{
    /// <summary>Every message the scenario decides arrived, none is left waiting, and nothing else was posted.</summary>
    public static void NothingLost(CrashTally tally, CrashScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(scenario);
        Assert.Equal(scenario.Messages, tally.Expected);
        Assert.Empty(tally.Lost);
        Assert.Equal(tally.Expected, tally.Delivered);
        Assert.Equal(0, tally.Undelivered);
        Assert.Equal(0, tally.Unexpected);
    }

    /// <summary>
    /// Every stop met a running bot, ended it within a minute and left the database intact; the closing SIGTERM, after
    /// everything was delivered, ended each bot still running with 0.
    /// </summary>
    public static void EveryStopClean(CrashTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        Assert.All(tally.Stops, stop =>
        {
            Assert.Equal("ok", stop.Integrity);
            Assert.True(stop.StoppedInTime, $"run {stop.Run} (instance {stop.Instance}) did not end within a minute of its signal");
            Assert.False(stop.ExitedBeforeSignal, $"run {stop.Run} (instance {stop.Instance}) ended on its own (exit {stop.ExitCode})");
        });
        Assert.All(tally.Stops.Where(s => s.Final), stop => Assert.Equal(0, stop.ExitCode));
    }

    /// <summary>
    /// A kill repeats at most the messages in flight at it: at most <see cref="OutboxDispatcher.MaxInFlightPerCommunity"/>
    /// per kill, as a community's deliveries on separate lanes go side by side.
    /// </summary>
    public static void RepeatsOnlyInFlight(CrashTally tally, int kills)
    {
        ArgumentNullException.ThrowIfNull(tally);
        Assert.Empty(tally.RepeatedOutsideStops);
        Assert.InRange(tally.Duplicates, 0, kills * OutboxDispatcher.MaxInFlightPerCommunity);
    }
}
