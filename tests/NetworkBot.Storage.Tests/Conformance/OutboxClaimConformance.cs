using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>Outbox claims: how several instances sharing one database split the delivery of due messages.</summary>
public abstract class OutboxClaimConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static readonly DateTimeOffset Now = T0.AddHours(1);
    private static readonly DateTimeOffset Lease = Now.AddMinutes(10);

    [SkippableFact]
    public async Task Two_owners_claiming_at_once_never_get_the_same_message()
    {
        await Store.EnqueueAsync(
            [.. Enumerable.Range(1, 20).Select(n => Message(n % 2 == 0 ? Tokyo : Osaka, $"m{n}", T0.AddMinutes(n)))],
            Ct);

        var claims = await Task.WhenAll(
            Task.Run(() => Store.ClaimDueOutboxAsync(Now, 100, "a", Lease, Ct), Ct),
            Task.Run(() => Store.ClaimDueOutboxAsync(Now, 100, "b", Lease, Ct), Ct));

        var keys = claims.SelectMany(c => c.Select(m => m.Key)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.DoesNotContain(claims[0].Select(m => m.Community), claims[1].Select(m => m.Community).Contains);
        Assert.Equal(20, keys.Count);
    }

    [SkippableFact]
    public async Task A_community_with_a_live_claim_yields_nothing_to_another_owner_until_the_claim_ends()
    {
        await Store.EnqueueAsync([Message(Tokyo, "first", T0), Message(Tokyo, "second", T0.AddMinutes(1)), Message(Osaka, "osaka", T0)], Ct);

        var first = Assert.Single(await Store.ClaimDueOutboxAsync(Now, 1, "a", Lease, Ct));
        Assert.Equal("first", first.Key);
        Assert.Equal(["osaka"], (await Store.ClaimDueOutboxAsync(Now, 10, "b", Lease, Ct)).Select(m => m.Key));
        Assert.Equal(["first", "second"], (await Store.ClaimDueOutboxAsync(Now, 10, "a", Lease, Ct)).Select(m => m.Key));

        await Store.MarkDeliveredAsync(first.Id, "ref", Now, Ct);
        Assert.Equal(["osaka"], (await Store.ClaimDueOutboxAsync(Now, 10, "b", Lease, Ct)).Select(m => m.Key));
        var second = (await Store.ListDueOutboxAsync(Now, 10, Ct)).Single(m => m.Key == "second");
        await Store.MarkAttemptFailedAsync(second.Id, "429", Now, Ct);
        Assert.Equal(["osaka", "second"], (await Store.ClaimDueOutboxAsync(Now, 10, "b", Lease, Ct)).Select(m => m.Key));
    }

    [SkippableFact]
    public async Task An_expired_claim_is_claimable_again_by_another_owner()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0)], Ct);

        Assert.Single(await Store.ClaimDueOutboxAsync(Now, 10, "dead", Lease, Ct));
        Assert.Empty(await Store.ClaimDueOutboxAsync(Lease.AddTicks(-1), 10, "alive", Lease.AddMinutes(10), Ct));
        Assert.Equal(["k1"], (await Store.ClaimDueOutboxAsync(Lease, 10, "alive", Lease.AddMinutes(10), Ct)).Select(m => m.Key));
        Assert.Empty(await Store.ClaimDueOutboxAsync(Lease, 10, "dead", Lease.AddMinutes(10), Ct));
    }

    [SkippableFact]
    public async Task Released_claims_are_claimable_at_once_by_another_owner()
    {
        await Store.EnqueueAsync([Message(Tokyo, "k1", T0), Message(Osaka, "k2", T0)], Ct);
        Assert.Equal(2, (await Store.ClaimDueOutboxAsync(Now, 10, "stopping", Lease, Ct)).Count);

        await Store.ReleaseOutboxClaimsAsync("stopping", Ct);

        Assert.Equal(["k1", "k2"], (await Store.ClaimDueOutboxAsync(Now, 10, "other", Lease, Ct)).Select(m => m.Key).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_claim_takes_communities_in_turns_from_a_backlog_longer_than_the_claim_and_leaves_what_is_not_due()
    {
        await Store.EnqueueAsync(
            [
                Message(Tokyo, "later", T0) with { DueAt = Now.AddHours(1) },
                .. Enumerable.Range(1, 150).Select(n => Message(Tokyo, $"t{n}", T0.AddSeconds(n))),
                Message(Osaka, "o1", T0.AddSeconds(1.5)),
                Message(Osaka, "o2", T0.AddSeconds(2.5)),
            ],
            Ct);

        Assert.Equal(["t1", "o1", "t2", "o2", "t3"], (await Store.ClaimDueOutboxAsync(Now, 5, "a", Lease, Ct)).Select(m => m.Key));
        var all = await Store.ClaimDueOutboxAsync(Now, 200, "a", Lease, Ct);
        Assert.Equal(152, all.Count);
        Assert.DoesNotContain(all, m => m.Key == "later");
    }
}
