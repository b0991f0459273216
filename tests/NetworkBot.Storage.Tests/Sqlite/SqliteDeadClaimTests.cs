using NetworkBot.Storage.Tests.Conformance;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary>One process uses a SQLite file, so the claims found in it when a process starts are a killed process's.</summary>
public sealed class SqliteDeadClaimTests : StoreConformance<SqliteProvider>
{
    private TempDatabase Database => ((SqliteStoreUnderTest)UnderTest).Database;

    [Fact]
    public async Task A_restart_after_a_kill_claims_the_killed_process_messages_at_once_without_waiting_out_their_lease()
    {
        await Store.EnqueueAsync([Message(Tokyo, "in-flight", T0), Message(Tokyo, "waiting", T0.AddMinutes(1))], Ct);
        await Database.ExecuteAsync("UPDATE outbox SET claimed_by = 'killed', claimed_until = '9999-12-31T23:59:59.9999999Z'");

        var claimed = await Store.ClaimDueOutboxAsync(T0.AddHours(1), 10, "restarted", T0.AddHours(2), Ct);

        Assert.Equal(["in-flight", "waiting"], claimed.Select(m => m.Key));
    }
}
