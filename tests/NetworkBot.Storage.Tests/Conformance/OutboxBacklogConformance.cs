using NetworkBot.Core.Outbox;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class OutboxBacklogConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task An_empty_outbox_has_no_backlog_and_no_lag()
    {
        var backlog = await Store.GetOutboxBacklogAsync(T0, Ct);

        Assert.Equal(new OutboxBacklog(0, null), backlog);
        Assert.Equal(TimeSpan.Zero, backlog.LagAt(T0));
    }

    [SkippableFact]
    public async Task Backlog_counts_what_is_still_to_deliver_and_dates_the_oldest_due_across_communities()
    {
        var delivered = Message(Tokyo, "delivered", T0.AddMinutes(-30));
        var givenUp = Message(Tokyo, "given-up", T0.AddMinutes(-20));
        await Store.EnqueueAsync(
            [delivered, givenUp, Message(Osaka, "oldest-due", T0.AddMinutes(-10)), Message(Tokyo, "due", T0.AddMinutes(-1)),
             Message(Tokyo, "later", T0) with { DueAt = T0.AddHours(1) }],
            Ct);
        var ids = (await Store.ListDueOutboxAsync(T0, 10, Ct)).ToDictionary(m => m.Key, m => m.Id);
        await Store.MarkDeliveredAsync(ids["delivered"], "ref", T0, Ct);
        await Store.MarkAttemptFailedAsync(ids["given-up"], "403", retryAt: null, Ct);

        var backlog = await Store.GetOutboxBacklogAsync(T0, Ct);

        Assert.Equal(3, backlog.Depth);
        Assert.Equal(T0.AddMinutes(-10), backlog.OldestDueAt);
        Assert.Equal(TimeSpan.FromMinutes(15), backlog.LagAt(T0.AddMinutes(5)));
    }

    [SkippableFact]
    public async Task A_retry_waiting_its_turn_counts_in_the_depth_but_not_in_the_lag()
    {
        await Store.EnqueueAsync([Message(Tokyo, "retry", T0.AddMinutes(-10))], Ct);
        var id = Assert.Single(await Store.ListDueOutboxAsync(T0, 10, Ct)).Id;
        await Store.MarkAttemptFailedAsync(id, "429", T0.AddMinutes(1), Ct);

        var backlog = await Store.GetOutboxBacklogAsync(T0, Ct);

        Assert.Equal(new OutboxBacklog(1, null), backlog);
    }
}
