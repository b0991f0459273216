using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class MemberStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Member_with_a_full_japanese_profile_round_trips()
    {
        var member = new Member(Tokyo, Id("u1"), "山田 花子", JapaneseProfile, new CoffeeEnrollment(true, new DateOnly(2025, 5, 6), true), T0);
        await Store.SaveMemberAsync(member, Ct);

        var read = await Store.GetMemberAsync(Tokyo, Id("u1"), Ct);

        Assert.Equivalent(member, read, strict: true);
        Assert.Equal(T0.UtcTicks, read!.JoinedAt.UtcTicks);
    }

    /// <summary>Text cut inside a surrogate pair (a platform truncating an emoji) is kept, its broken half read back as U+FFFD.</summary>
    [SkippableFact]
    public async Task A_name_with_half_an_emoji_is_stored_with_the_half_replaced()
    {
        var member = Member(Tokyo, "u1", "Aiko \uD83D") with { Profile = Profile.Empty with { Pitch = "\uDE00 hi", Interests = ["\uD83D"] } };
        await Store.SaveMemberAsync(member, Ct);

        var read = (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!;

        Assert.Equal("Aiko \uFFFD", read.DisplayName);
        Assert.Equal("\uFFFD hi", read.Profile.Pitch);
        Assert.Equal(["\uFFFD"], read.Profile.Interests);
        Assert.Equal([Id("u1")], (await Store.FindMembersByNameAsync(Tokyo, "aiko \uFFFD", Ct)).Select(m => m.Id));
    }

    /// <summary>
    /// A NUL character (U+0000), which PostgreSQL's text and jsonb cannot hold, is kept as U+FFFD by every provider, so
    /// the write succeeds and a move between providers reads the same text.
    /// </summary>
    [SkippableFact]
    public async Task A_name_with_a_nul_character_is_stored_with_it_replaced()
    {
        var member = Member(Tokyo, "u1", "Ai\0ko") with { Profile = Profile.Empty with { Pitch = "a\0b", Interests = ["x\0y", "\\u0000"] } };
        await Store.SaveMemberAsync(member, Ct);

        var read = (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!;

        Assert.Equal("Ai\uFFFDko", read.DisplayName);
        Assert.Equal("a\uFFFDb", read.Profile.Pitch);
        Assert.Equal(["x\uFFFDy", "\\u0000"], read.Profile.Interests);
        Assert.Equal([Id("u1")], (await Store.FindMembersByNameAsync(Tokyo, "ai\uFFFDko", Ct)).Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Member_with_an_empty_profile_round_trips_with_nulls_and_empty_lists()
    {
        var member = Member(Tokyo, "u1", coffee: CoffeeEnrollment.NotJoined);
        await Store.SaveMemberAsync(member, Ct);

        Assert.Equivalent(member, await Store.GetMemberAsync(Tokyo, Id("u1"), Ct), strict: true);
    }

    [SkippableFact]
    public async Task Missed_rounds_round_trip_and_saving_again_replaces_them()
    {
        var member = Member(Tokyo, "u1", coffee: new CoffeeEnrollment(true, null, false) { MissedRounds = 2 });
        await Store.SaveMemberAsync(member, Ct);
        Assert.Equal(2, (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!.Coffee.MissedRounds);

        await Store.SaveMemberAsync(member with { Coffee = member.Coffee with { MissedRounds = 0 } }, Ct);

        Assert.Equal(0, (await Store.GetMemberAsync(Tokyo, Id("u1"), Ct))!.Coffee.MissedRounds);
    }

    [SkippableFact]
    public async Task Unknown_member_reads_as_null()
    {
        Assert.Null(await Store.GetMemberAsync(Tokyo, Id("nobody"), Ct));
    }

    [SkippableFact]
    public async Task Saving_again_replaces_name_profile_and_coffee_but_keeps_the_join_time()
    {
        await Store.SaveMemberAsync(Member(Tokyo, "u1", "Hanako"), Ct);
        var updated = new Member(Tokyo, Id("u1"), "花子", JapaneseProfile, new CoffeeEnrollment(false, null, true), T0.AddDays(3));

        await Store.SaveMemberAsync(updated, Ct);

        Assert.Equivalent(updated with { JoinedAt = T0, Version = 1 }, await Store.GetMemberAsync(Tokyo, Id("u1"), Ct), strict: true);
    }

    [SkippableTheory]
    [InlineData("hanako yamada")]
    [InlineData("HANAKO YAMADA")]
    [InlineData("Hanako Yamada")]
    public async Task Finding_by_name_ignores_ascii_case(string query)
    {
        await Store.SaveMembersAsync([Member(Tokyo, "u1", "Hanako Yamada"), Member(Tokyo, "u2", "Hanako")], Ct);

        var found = await Store.FindMembersByNameAsync(Tokyo, query, Ct);

        Assert.Equal([Id("u1")], found.Select(m => m.Id));
    }

    [SkippableTheory]
    [InlineData("Émile", "émile")]
    [InlineData("ＡＩ好き", "ａｉ好き")]
    [InlineData("山田", "山田")]
    public async Task Finding_by_name_ignores_case_beyond_ascii(string stored, string query)
    {
        await Store.SaveMemberAsync(Member(Tokyo, "u1", stored), Ct);

        var found = await Store.FindMembersByNameAsync(Tokyo, query, Ct);

        Assert.Equal([Id("u1")], found.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Finding_by_name_returns_every_member_with_that_name_and_only_whole_names()
    {
        await Store.SaveMembersAsync([Member(Tokyo, "u2", "Ken"), Member(Tokyo, "u1", "ken"), Member(Tokyo, "u3", "Kenji")], Ct);

        var found = await Store.FindMembersByNameAsync(Tokyo, "KEN", Ct);

        Assert.Equal([Id("u1"), Id("u2")], found.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Saving_many_members_stores_all_of_them_and_lists_them_by_id()
    {
        await Store.SaveMembersAsync([Member(Tokyo, "u3"), Member(Tokyo, "u1"), Member(Tokyo, "u2")], Ct);

        var members = await Store.ListMembersAsync(Tokyo, Ct);

        Assert.Equal([Id("u1"), Id("u2"), Id("u3")], members.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Concurrent_saves_through_one_store_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Store.SaveMemberAsync(Member(Tokyo, $"u{i:D2}"), Ct))));

        Assert.Equal(20, (await Store.ListMembersAsync(Tokyo, Ct)).Count);
    }

    [SkippableFact]
    public async Task Listing_members_of_an_empty_community_returns_nothing()
    {
        Assert.Empty(await Store.ListMembersAsync(Tokyo, Ct));
    }
}
