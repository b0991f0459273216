using NetworkBot.Tests.Postgres;
using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Issue 14: two <c>networkbot run</c> processes on one PostgreSQL database deliver a round of 200 pairs and an event's
/// reminders; mid fan-out the instance delivering is SIGKILLed and nothing restarts it. Its claims on the outbox end
/// with their lease (cut to <see cref="KilledInstanceRunFixture.Lease"/> through <c>Worker:ClaimLease</c>), and the other
/// instance finishes the fan-out: nothing lost, at most the message in flight at the kill posted twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceKillTests(PostgresFixture postgres, KilledInstanceRunFixture run, ITestOutputHelper output) : IClassFixture<KilledInstanceRunFixture>
{
    [PostgresFact]
    public async Task Killing_the_delivering_instance_mid_fan_out_loses_no_message_and_makes_no_second_round()
    {
        var tally = await run.TallyAsync(postgres, output);

        CrashAssert.NothingLost(tally, run.Scenario);
        Assert.Equal(1, tally.Rounds);
    }

    [PostgresFact]
    public async Task The_other_instance_finishes_the_fan_out_once_the_dead_one_s_claims_expire()
    {
        var tally = await run.TallyAsync(postgres, output);

        var kill = Assert.Single(tally.Stops, s => !s.Final);
        Assert.True(kill.ClaimsHeld > 0, $"the instance killed held no claim (it was not delivering): {kill}");
        var survivor = Assert.Single(tally.Stops, s => s.Final);
        Assert.NotEqual(kill.Instance, survivor.Instance);
        Assert.True(tally.PostedAfterLastStop > 0, "nothing was left to deliver after the kill");
        CrashAssert.EveryStopClean(tally);
    }

    [PostgresFact]
    public async Task The_kill_repeats_at_most_the_message_in_flight_and_no_thread()
    {
        var tally = await run.TallyAsync(postgres, output);

        CrashAssert.RepeatsOnlyInFlight(tally, kills: 1);
        Assert.Equal(0, tally.ExtraThreads);
    }
}
