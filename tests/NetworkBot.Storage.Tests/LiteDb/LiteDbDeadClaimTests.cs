using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Tests.Conformance;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.LiteDb;

/// <summary>One process uses a LiteDB file, so a claim by an owner that has not claimed in this process is a killed process's.</summary>
public sealed class LiteDbDeadClaimTests : StoreConformance<LiteDbProvider>
{
    [Fact]
    public async Task A_restart_after_a_kill_claims_the_killed_process_messages_at_once_without_waiting_out_their_lease()
    {
        await Store.EnqueueAsync([Message(Tokyo, "in-flight", T0), Message(Tokyo, "waiting", T0.AddMinutes(1))], Ct);
        var store = ((LiteDbStoreUnderTest)UnderTest).LiteDb;
        await store.Writer.WriteAsync(
            db =>
            {
                var outbox = db.GetCollection(LiteDbCollections.Outbox);
                foreach (var row in outbox.FindAll().ToList())
                {
                    row["claimed_by"] = "killed";
                    row["claimed_until"] = "9999-12-31T23:59:59.9999999Z";
                    outbox.Update(row);
                }
            },
            Ct);

        var claimed = await Store.ClaimDueOutboxAsync(T0.AddHours(1), 10, "restarted", T0.AddHours(2), Ct);

        Assert.Equal(["in-flight", "waiting"], claimed.Select(m => m.Key));
    }
}
