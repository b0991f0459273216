namespace NetworkBot.Core.Tests.Commands;

public sealed class InterestCommandTests : CommandTestBase
{
    [Fact]
    public async Task Only_managers_create_groups_and_a_refusal_changes_nothing() =>
        Assert.Contains("managers", (await RefusedAndUnchangedAsync("aiko", "/admin interests create rust")).Text);

    [Fact]
    public async Task Create_list_join_leave_and_find()
    {
        Assert.Contains("no interest groups", (await Harness.TypeAsync("aiko", "/interests list")).Text);
        await Harness.TypeAsync("mana", "/admin interests create rust description:\"Systems programming\"");
        await Harness.TypeAsync("mana", "/admin interests create 写真");

        var list = await Harness.TypeAsync("aiko", "/interests list");
        Assert.Equal(["rust", "写真"], list.Fields.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Systems programming", list.Fields.Single(f => f.Name == "rust").Value);
        Assert.Equal("interests join", list.Select!.Action.Path);

        Assert.Contains("You joined rust", (await Harness.TypeAsync("aiko", "/interests join RUST")).Text);
        Assert.Contains("already", (await Harness.TypeAsync("aiko", "/interests join rust")).Text);
        await Harness.TypeAsync("ben", "/intro set interests:rust,go");

        var found = await Harness.TypeAsync("mana", "/interests find rust");
        Assert.Equal(["Aiko Tanaka", "Ben Okafor"], found.Fields.Select(f => f.Name));

        Assert.Contains("You left rust", (await Harness.TypeAsync("aiko", "/interests leave rust")).Text);
        Assert.Contains("not in rust", (await Harness.TypeAsync("aiko", "/interests leave rust")).Text);
    }

    [Fact]
    public async Task A_join_answer_offers_leave_and_a_leave_answer_join_both_naming_the_group_by_id()
    {
        await Harness.TypeAsync("mana", "/admin interests create " + new string('|', 50));
        var group = (await Harness.Store.ListInterestsAsync(CommandHarness.Community, includeArchived: false, CancellationToken.None)).Single();

        var joined = await Harness.TypeAsync("aiko", "/interests join " + new string('|', 50));
        var leave = Assert.Single(joined.Buttons).Action;
        var left = await Harness.InvokeAsync("aiko", leave.Path, [.. leave.Options.Select(o => (o.Key, o.Value))]);
        var join = Assert.Single(left.Buttons).Action;

        Assert.Equal(("interests leave", group.Id.Value), (leave.Path, leave.Options["name"]));
        Assert.False(left.IsError, left.Text);
        Assert.Empty(await Harness.Store.ListInterestMembersAsync(CommandHarness.Community, group.Id, CancellationToken.None));
        Assert.Equal("interests join", join.Path);
        Assert.False((await Harness.InvokeAsync("aiko", join.Path, [.. join.Options.Select(o => (o.Key, o.Value))])).IsError);
        Assert.Single(await Harness.Store.ListInterestMembersAsync(CommandHarness.Community, group.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Joining_a_group_that_does_not_exist_lists_the_groups_there_are()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");

        var reply = await Harness.TypeAsync("aiko", "/interests join haskell");

        Assert.True(reply.IsError);
        Assert.Contains("haskell", reply.Text);
        Assert.Contains("rust", reply.Text);
    }

    [Fact]
    public async Task Archived_groups_cannot_be_joined_and_creating_again_restores_them()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");
        Assert.Contains("Archived", (await Harness.TypeAsync("mana", "/admin interests archive rust")).Text);
        Assert.Contains("already archived", (await Harness.TypeAsync("mana", "/admin interests archive rust")).Text);

        Assert.True((await Harness.TypeAsync("aiko", "/interests join rust")).IsError);
        Assert.Contains("open again", (await Harness.TypeAsync("mana", "/admin interests create rust")).Text);
        Assert.False((await Harness.TypeAsync("aiko", "/interests join rust")).IsError);
    }

    [Fact]
    public async Task Duplicate_and_mention_like_names_are_refused()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");

        Assert.True((await Harness.TypeAsync("mana", "/admin interests create Rust")).IsError);
        Assert.True((await Harness.TypeAsync("mana", "/admin interests create @everyone")).IsError);
    }

    [Fact]
    public async Task Find_without_anyone_says_so() =>
        Assert.Contains("Nobody", (await Harness.TypeAsync("aiko", "/interests find knitting")).Text);

    [Fact]
    public async Task Without_platform_spaces_groups_are_data_only()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");

        Assert.Equal("You joined rust.", (await Harness.TypeAsync("aiko", "/interests join rust")).Text);
        var interest = await Harness.Store.GetInterestByNameAsync(CommandHarness.Community, "rust", CancellationToken.None);
        Assert.Null(interest!.RoleRef);
        Assert.Null(interest.ChannelRef);
        Assert.Empty(Harness.Platform.Keyed("interest-space:"));
    }
}
