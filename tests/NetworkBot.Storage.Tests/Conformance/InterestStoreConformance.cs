using NetworkBot.Core.Interests;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class InterestStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableTheory]
    [InlineData("Rust", "rust")]
    [InlineData("rust", "RUST")]
    [InlineData("Café", "CAFÉ")]
    [InlineData("登山", "登山")]
    public async Task Interest_is_found_by_name_ignoring_case(string stored, string query)
    {
        var interest = Interest(Tokyo, stored);
        await Store.CreateInterestAsync(interest, [], Ct);

        Assert.Equal(interest, await Store.GetInterestByNameAsync(Tokyo, query, Ct));
    }

    [SkippableFact]
    public async Task Unknown_interest_name_reads_as_null()
    {
        await Store.CreateInterestAsync(Interest(Tokyo, "Rust"), [], Ct);

        Assert.Null(await Store.GetInterestByNameAsync(Tokyo, "Rus", Ct));
    }

    [SkippableFact]
    public async Task Archived_interest_is_still_found_by_name()
    {
        var archived = Interest(Tokyo, "Go", archived: true);
        await Store.CreateInterestAsync(archived, [], Ct);

        Assert.Equal(archived, await Store.GetInterestByNameAsync(Tokyo, "go", Ct));
    }

    [SkippableFact]
    public async Task Listing_leaves_out_archived_interests_unless_asked_and_orders_by_name_ignoring_case()
    {
        var (ai, go, rust) = (Interest(Tokyo, "ai"), Interest(Tokyo, "Go", archived: true), Interest(Tokyo, "Rust"));
        foreach (var interest in new[] { rust, go, ai })
        {
            await Store.CreateInterestAsync(interest, [], Ct);
        }

        Assert.Equal([ai, rust], await Store.ListInterestsAsync(Tokyo, includeArchived: false, Ct));
        Assert.Equal([ai, go, rust], await Store.ListInterestsAsync(Tokyo, includeArchived: true, Ct));
    }

    [SkippableFact]
    public async Task Archiving_changes_only_the_flag_and_a_second_archive_changes_nothing()
    {
        var interest = Interest(Tokyo, "Rust") with { SpacePending = true };
        await Store.CreateInterestAsync(interest, [], Ct);

        Assert.True(await Store.ArchiveInterestAsync(Tokyo, interest.Id, Ct));
        Assert.False(await Store.ArchiveInterestAsync(Tokyo, interest.Id, Ct));

        Assert.Equal([interest with { Archived = true }], await Store.ListInterestsAsync(Tokyo, includeArchived: true, Ct));
    }

    [SkippableFact]
    public async Task Two_creations_of_one_name_at_once_store_one_group_and_queue_one_intent()
    {
        var first = Interest(Tokyo, "Rust") with { RoleRef = null, ChannelRef = null, SpacePending = true };
        var second = Interest(Tokyo, "rust") with { RoleRef = null, ChannelRef = null, SpacePending = true };

        var created = await Task.WhenAll(
            Task.Run(() => Store.CreateInterestAsync(first, [Message(Tokyo, "setup-1", T0)], Ct)),
            Task.Run(() => Store.CreateInterestAsync(second, [Message(Tokyo, "setup-2", T0)], Ct)));

        Assert.Single(created, c => c);
        var stored = Assert.Single(await Store.ListInterestsAsync(Tokyo, includeArchived: true, Ct));
        Assert.Equal(created[0] ? first : second, stored);
        Assert.Equal(1L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task Creating_again_reopens_an_archived_group_once()
    {
        var archived = Interest(Tokyo, "Go", archived: true);
        await Store.CreateInterestAsync(archived, [], Ct);
        var reopened = archived with { Archived = false, Description = "new", SpacePending = true };

        Assert.True(await Store.CreateInterestAsync(reopened, [Message(Tokyo, "setup-1", T0)], Ct));
        Assert.False(await Store.CreateInterestAsync(reopened, [Message(Tokyo, "setup-2", T0)], Ct));

        Assert.Equal(reopened, await Store.GetInterestByNameAsync(Tokyo, "go", Ct));
        Assert.Equal(1L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task Recording_the_space_keeps_a_ref_not_given_and_queues_its_messages_with_it()
    {
        var interest = Interest(Tokyo, "Rust") with { RoleRef = null, ChannelRef = null, SpacePending = true };
        await Store.CreateInterestAsync(interest, [], Ct);

        await Store.RecordInterestSpaceAsync(Tokyo, interest.Id, "role-9", null, pending: true, [], Ct);
        await Store.RecordInterestSpaceAsync(Tokyo, interest.Id, null, "channel-9", pending: false, [Message(Tokyo, "ready", T0)], Ct);

        Assert.Equal(interest with { RoleRef = "role-9", ChannelRef = "channel-9", SpacePending = false }, await Store.GetInterestByNameAsync(Tokyo, "rust", Ct));
        Assert.Equal(1L, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task Joining_twice_returns_false_the_second_time_and_leaving_twice_likewise()
    {
        var rust = Interest(Tokyo, "Rust");
        await Store.CreateInterestAsync(rust, [], Ct);

        Assert.True(await Store.AddInterestMemberAsync(Tokyo, rust.Id, Id("u1"), Ct));
        Assert.False(await Store.AddInterestMemberAsync(Tokyo, rust.Id, Id("u1"), Ct));
        Assert.Equal([Id("u1")], await Store.ListInterestMembersAsync(Tokyo, rust.Id, Ct));

        Assert.True(await Store.RemoveInterestMemberAsync(Tokyo, rust.Id, Id("u1"), Ct));
        Assert.False(await Store.RemoveInterestMemberAsync(Tokyo, rust.Id, Id("u1"), Ct));
        Assert.Empty(await Store.ListInterestMembersAsync(Tokyo, rust.Id, Ct));
    }

    [SkippableFact]
    public async Task Interest_members_are_listed_by_id()
    {
        var rust = Interest(Tokyo, "Rust");
        await Store.CreateInterestAsync(rust, [], Ct);
        foreach (var member in new[] { "u3", "u1", "u2" })
        {
            await Store.AddInterestMemberAsync(Tokyo, rust.Id, Id(member), Ct);
        }

        Assert.Equal([Id("u1"), Id("u2"), Id("u3")], await Store.ListInterestMembersAsync(Tokyo, rust.Id, Ct));
    }

    [SkippableFact]
    public async Task Joining_an_interest_that_does_not_exist_is_refused()
    {
        await AssertIntegrityViolationAsync(() => Store.AddInterestMemberAsync(Tokyo, InterestId.New(), Id("u1"), Ct));
    }

    [SkippableFact]
    public async Task Group_names_by_member_list_each_members_unarchived_groups()
    {
        var (ai, go, rust) = (Interest(Tokyo, "AI"), Interest(Tokyo, "Go", archived: true), Interest(Tokyo, "rust"));
        foreach (var interest in new[] { ai, go, rust })
        {
            await Store.CreateInterestAsync(interest, [], Ct);
        }

        await Store.AddInterestMemberAsync(Tokyo, rust.Id, Id("u1"), Ct);
        await Store.AddInterestMemberAsync(Tokyo, ai.Id, Id("u1"), Ct);
        await Store.AddInterestMemberAsync(Tokyo, go.Id, Id("u1"), Ct);
        await Store.AddInterestMemberAsync(Tokyo, rust.Id, Id("u2"), Ct);
        await Store.AddInterestMemberAsync(Tokyo, go.Id, Id("u3"), Ct);

        var names = await Store.ListInterestGroupNamesByMemberAsync(Tokyo, Ct);

        Assert.Equal(2, names.Count);
        Assert.Equal(["AI", "rust"], names[Id("u1")]);
        Assert.Equal(["rust"], names[Id("u2")]);
        Assert.False(names.ContainsKey(Id("u3")));
    }
}
