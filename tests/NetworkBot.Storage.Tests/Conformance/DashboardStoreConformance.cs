using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>The dashboard's sign-in links, sessions and data-protection keys.</summary>
public abstract class DashboardStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    [SkippableFact]
    public async Task A_link_signs_in_once_and_then_is_gone()
    {
        var link = Link("hash-1", Tokyo);
        await Store.SaveSignInLinkAsync(link, Ct);

        Assert.Equal(link, await Store.RedeemSignInLinkAsync("hash-1", T0.AddMinutes(1), Ct));
        Assert.Null(await Store.RedeemSignInLinkAsync("hash-1", T0.AddMinutes(1), Ct));
        Assert.Null(await Store.RedeemSignInLinkAsync("unknown", T0, Ct));
    }

    [SkippableFact]
    public async Task Redeems_racing_for_one_link_let_exactly_one_through()
    {
        const int Racers = 8;
        await Store.SaveSignInLinkAsync(Link("hash-1", Tokyo), Ct);
        var stores = Enumerable.Range(0, Racers).Select(_ => UnderTest.OpenAgain()).ToList();

        var redeemed = await Task.WhenAll(stores.Select(store => Task.Run(() => store.RedeemSignInLinkAsync("hash-1", T0, Ct))));

        Assert.Equal(Tokyo, Assert.Single(redeemed, link => link is not null)!.Community);
    }

    [SkippableFact]
    public async Task An_expired_link_is_refused_and_gone()
    {
        var link = Link("hash-1", Tokyo);
        await Store.SaveSignInLinkAsync(link, Ct);

        Assert.Null(await Store.RedeemSignInLinkAsync("hash-1", link.ExpiresAt, Ct));
        Assert.Null(await Store.RedeemSignInLinkAsync("hash-1", T0, Ct));
    }

    [SkippableFact]
    public async Task A_session_is_found_by_its_token_hash_until_it_expires()
    {
        var session = Session("token-1", "h1", Tokyo, T0);
        await Store.SaveSessionAsync(session, Ct);

        Assert.Equal(session, await Store.GetSessionAsync("token-1", T0, Ct));
        Assert.Equal(session, await UnderTest.OpenAgain().GetSessionAsync("token-1", session.ExpiresAt.AddTicks(-1), Ct));
        Assert.Null(await Store.GetSessionAsync("token-1", session.ExpiresAt, Ct));
        Assert.Null(await Store.GetSessionAsync("token-2", T0, Ct));
    }

    [SkippableFact]
    public async Task Sessions_are_listed_newest_first_live_only_and_of_their_community_only()
    {
        var brief = Session("token-1", "h1", Tokyo, T0) with { ExpiresAt = T0.AddMinutes(30) };
        var first = Session("token-2", "h2", Tokyo, T0.AddMinutes(1));
        var second = Session("token-3", "h3", Tokyo, T0.AddMinutes(2));
        var sameInstant = Session("token-4", "h0", Tokyo, T0.AddMinutes(2));
        var osaka = Session("token-5", "h5", Osaka, T0.AddMinutes(3));
        foreach (var session in new[] { brief, first, second, sameInstant, osaka })
        {
            await Store.SaveSessionAsync(session, Ct);
        }

        Assert.Equal([sameInstant, second, first, brief], await Store.ListSessionsAsync(Tokyo, T0.AddMinutes(5), Ct));
        Assert.Equal([sameInstant, second, first], await Store.ListSessionsAsync(Tokyo, T0.AddHours(1), Ct));
        Assert.Equal([osaka], await Store.ListSessionsAsync(Osaka, T0.AddHours(1), Ct));
        Assert.Empty(await Store.ListSessionsAsync(CommunityId.For("shell", "local"), T0, Ct));
    }

    [SkippableFact]
    public async Task A_session_is_revoked_by_its_handle_in_its_own_community_only()
    {
        await Store.SaveSessionAsync(Session("token-1", "h1", Tokyo, T0), Ct);

        Assert.False(await Store.RevokeSessionAsync(Osaka, "h1", Ct));
        Assert.NotNull(await Store.GetSessionAsync("token-1", T0, Ct));
        Assert.True(await Store.RevokeSessionAsync(Tokyo, "h1", Ct));
        Assert.Null(await Store.GetSessionAsync("token-1", T0, Ct));
        Assert.Empty(await Store.ListSessionsAsync(Tokyo, T0, Ct));
        Assert.False(await Store.RevokeSessionAsync(Tokyo, "h1", Ct));
    }

    [SkippableFact]
    public async Task A_handle_names_one_session_per_community()
    {
        await Store.SaveSessionAsync(Session("token-1", "h1", Tokyo, T0), Ct);
        await Store.SaveSessionAsync(Session("token-2", "h1", Osaka, T0), Ct);

        await AssertIntegrityViolationAsync(() => Store.SaveSessionAsync(Session("token-3", "h1", Tokyo, T0), Ct));
        Assert.Single(await Store.ListSessionsAsync(Tokyo, T0, Ct));
    }

    [SkippableFact]
    public async Task Saving_a_session_drops_the_sessions_and_links_of_every_community_that_expired_before_it()
    {
        var ended = Session("token-1", "h1", Osaka, T0) with { ExpiresAt = T0.AddHours(1) };
        var live = Session("token-2", "h2", Osaka, T0);
        await Store.SaveSessionAsync(ended, Ct);
        await Store.SaveSessionAsync(live, Ct);
        await Store.SaveSignInLinkAsync(Link("link-ended", Osaka), Ct);
        await Store.SaveSignInLinkAsync(Link("link-live", Osaka) with { ExpiresAt = T0.AddDays(1) }, Ct);

        await Store.SaveSessionAsync(Session("token-3", "h3", Tokyo, T0.AddHours(2)), Ct);

        // Asked as of a time they were still valid: only their deletion makes them unknown.
        Assert.Null(await Store.GetSessionAsync("token-1", T0, Ct));
        Assert.Null(await Store.RedeemSignInLinkAsync("link-ended", T0, Ct));
        Assert.Equal(live, await Store.GetSessionAsync("token-2", T0, Ct));
        Assert.NotNull(await Store.RedeemSignInLinkAsync("link-live", T0, Ct));
    }

    [SkippableFact]
    public async Task Data_protection_keys_come_in_the_order_stored_and_a_name_is_replaced_in_place()
    {
        Assert.Empty(await Store.ListDataProtectionKeysAsync(Ct));
        var names = new[] { "key-c", "key-a", "key-b" };
        foreach (var name in names)
        {
            await Store.SaveDataProtectionKeyAsync(new DataProtectionKey(name, $"<key id=\"{name}\" />"), Ct);
        }

        await Store.SaveDataProtectionKeyAsync(new DataProtectionKey("key-a", "<key id=\"key-a\" revoked=\"true\" />"), Ct);

        Assert.Equal(
            [
                new DataProtectionKey("key-c", "<key id=\"key-c\" />"),
                new DataProtectionKey("key-a", "<key id=\"key-a\" revoked=\"true\" />"),
                new DataProtectionKey("key-b", "<key id=\"key-b\" />"),
            ],
            await UnderTest.OpenAgain().ListDataProtectionKeysAsync(Ct));
    }

    private static DashboardSignInLink Link(string tokenHash, CommunityId community) =>
        new(tokenHash, community, Id("manager"), T0, T0.Add(LinkLifetime));

    private static DashboardSession Session(string tokenHash, string handle, CommunityId community, DateTimeOffset createdAt) =>
        new(tokenHash, handle, community, Id("manager"), createdAt, createdAt.AddDays(7));
}
