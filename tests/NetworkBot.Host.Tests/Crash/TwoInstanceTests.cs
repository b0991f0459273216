using NetworkBot.Tests.Postgres;
using Xunit.Abstractions;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// Issue 14: two <c>networkbot run</c> processes on one PostgreSQL database, with the fake Discord, run a round of 500
/// pairs and an event's reminders to 40 members. Both schedulers see the round and the reminder fall due, both
/// dispatchers poll the same outbox: the round is made once and every message is posted once (counted at the fake by
/// the nonce each message carries).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceTests(PostgresFixture postgres, SharedRoundRunFixture run, ITestOutputHelper output) : IClassFixture<SharedRoundRunFixture>
{
    [PostgresFact]
    public async Task Two_instances_make_one_round_and_post_every_message_once()
    {
        var tally = await run.TallyAsync(postgres, output);

        Assert.Equal(1, tally.Rounds);
        CrashAssert.NothingLost(tally, run.Scenario);
        Assert.Empty(tally.Repeated);
        Assert.Equal(0, tally.ExtraThreads);
    }

    [PostgresFact]
    public async Task Both_instances_run_beside_each_other_until_the_closing_sigterm()
    {
        var tally = await run.TallyAsync(postgres, output);

        Assert.Equal([1, 2], tally.Stops.Where(s => s.Final).Select(s => s.Instance).Order());
        CrashAssert.EveryStopClean(tally);
    }
}
