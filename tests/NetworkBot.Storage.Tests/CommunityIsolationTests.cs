using NetworkBot.Core.Domain;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests;

/// <summary>The same ids used in two communities: nothing of one is ever visible from the other.</summary>
public sealed class CommunityIsolationTests : StoreTestBase
{
    [Fact]
    public async Task Same_member_id_in_two_communities_is_two_separate_members()
    {
        var inTokyo = new Member(Tokyo, Id("u1"), "Hanako", JapaneseProfile, CoffeeEnrollment.NotJoined, T0);
        var inOsaka = Member(Osaka, "u1", "Taro");
        await Store.SaveMembersAsync([inTokyo, inOsaka], Ct);

        Assert.Equivalent(inTokyo, await Store.GetMemberAsync(Tokyo, Id("u1"), Ct), strict: true);
        Assert.Equivalent(inOsaka, await Store.GetMemberAsync(Osaka, Id("u1"), Ct), strict: true);
        Assert.Equal(["Hanako"], (await Store.ListMembersAsync(Tokyo, Ct)).Select(m => m.DisplayName));
        Assert.Empty(await Store.FindMembersByNameAsync(Osaka, "Hanako", Ct));
        Assert.Null(await Store.GetMemberAsync(CommunityId.For("shell", "local"), Id("u1"), Ct));
    }

    [Fact]
    public async Task Blocks_of_one_community_are_invisible_and_untouchable_from_another()
    {
        var block = new Block(Id("u1"), Id("u2"));
        await Store.AddBlockAsync(Tokyo, block, Ct);

        Assert.Empty(await Store.ListBlocksAsync(Osaka, Ct));
        Assert.Empty(await Store.ListBlockedAsync(Osaka, Id("u1"), Ct));
        Assert.False(await Store.RemoveBlockAsync(Osaka, block, Ct));
        Assert.True(await Store.AddBlockAsync(Osaka, block, Ct));
        Assert.Equal([block], await Store.ListBlocksAsync(Tokyo, Ct));
    }

    [Fact]
    public async Task Interests_and_their_members_stay_in_their_community()
    {
        var rust = Interest(Tokyo, "Rust");
        await Store.SaveInterestAsync(rust, Ct);
        await Store.SaveInterestAsync(rust with { Community = Osaka, Name = "Go" }, Ct);
        await Store.AddInterestMemberAsync(Tokyo, rust.Id, Id("u1"), Ct);

        Assert.Null(await Store.GetInterestByNameAsync(Osaka, "Rust", Ct));
        Assert.Equal(["Go"], (await Store.ListInterestsAsync(Osaka, includeArchived: true, Ct)).Select(i => i.Name));
        Assert.Empty(await Store.ListInterestMembersAsync(Osaka, rust.Id, Ct));
        Assert.Empty(await Store.ListInterestGroupNamesByMemberAsync(Osaka, Ct));
        Assert.False(await Store.RemoveInterestMemberAsync(Osaka, rust.Id, Id("u1"), Ct));
        Assert.Equal([Id("u1")], await Store.ListInterestMembersAsync(Tokyo, rust.Id, Ct));
        Assert.Equal("Rust", (await Store.GetInterestByNameAsync(Tokyo, "rust", Ct))!.Name);
    }

    [Fact]
    public async Task Rounds_of_one_community_are_invisible_from_another()
    {
        await Store.SaveRoundAsync(Round(Tokyo, T0, ["u1", "u2"]), [], Ct);
        await Store.SaveRoundAsync(Round(Osaka, T0.AddDays(1), ["u1", "u3"]), [], Ct);

        var tokyo = Assert.Single(await Store.ListRoundsAsync(Tokyo, 10, Ct));
        var osakaForU1 = Assert.Single(await Store.ListMemberRoundsAsync(Osaka, Id("u1"), 10, Ct));

        Assert.Equal([Id("u1"), Id("u2")], Assert.Single(tokyo.Groups).Members);
        Assert.Equal([Id("u1"), Id("u3")], Assert.Single(osakaForU1.Groups).Members);
        Assert.Empty(await Store.ListMemberRoundsAsync(Osaka, Id("u2"), 10, Ct));
    }

    [Fact]
    public async Task Same_outbox_key_in_two_communities_is_two_messages()
    {
        await Store.EnqueueAsync([Message(Tokyo, "round-1/announce", T0), Message(Osaka, "round-1/announce", T0)], Ct);

        var due = await Store.ListDueOutboxAsync(T0, 10, Ct);

        Assert.Equal([Tokyo, Osaka], due.Select(m => m.Community));
    }
}
