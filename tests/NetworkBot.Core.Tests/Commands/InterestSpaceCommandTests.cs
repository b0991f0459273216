using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>Interest groups on a platform with spaces (a role and a channel), through the real command layer.</summary>
public sealed class InterestSpaceCommandTests : CommandTestBase
{
    private readonly RecordingInterestSpaces spaces = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IInterestSpaces>(spaces);

    private async Task<Interest> InterestAsync(string name) =>
        await Harness.Store.GetInterestByNameAsync(CommandHarness.Community, name, CancellationToken.None)
        ?? throw new InvalidOperationException($"No interest {name}.");

    /// <summary>The manager creates the group and the outbox makes its space.</summary>
    private async Task CreatedAsync(string name)
    {
        await Harness.TypeAsync("mana", $"/admin interests create {name}");
        await Harness.TickAsync();
    }

    /// <summary>What members and managers were sent, leaving out the manager's "ready" of a group's space.</summary>
    private IEnumerable<OutboxMessage> Sent => Harness.Platform.Delivered.Where(m => !m.Key.StartsWith("space-setup:", StringComparison.Ordinal));

    private async Task<IReadOnlyList<MemberId>> MembersOfAsync(string name) =>
        await Harness.Store.ListInterestMembersAsync(CommandHarness.Community, (await InterestAsync(name)).Id, CancellationToken.None);

    /// <summary>Ticks twice: delivering a refused space change queues the notices, the next tick sends them.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> DeliveredNoticesAsync()
    {
        await Harness.TickAsync();
        await Harness.TickAsync();
        return Harness.Platform.Keyed("interest-space:").ToList();
    }

    private async Task SetManagersAsync(params string[] managers)
    {
        var community = (await Harness.Store.GetCommunityAsync(CommandHarness.Community, CancellationToken.None))!;
        await Harness.Store.SaveCommunityAsync(
            community with { Settings = community.Settings with { Managers = managers.Select(m => new MemberId(m)).ToList() } },
            CancellationToken.None);
    }

    [Fact]
    public async Task Creating_a_group_saves_it_with_the_intent_answers_at_once_and_the_outbox_makes_the_space_and_tells_the_manager()
    {
        var reply = await Harness.TypeAsync("mana", "/admin interests create rust");

        Assert.Equal($"{InterestTexts.InterestCreated.Format(Language.En, "rust")}\n\n{InterestTexts.InterestSpacePending.Format(Language.En, "rust")}", reply.Text);
        Assert.Empty(spaces.Calls);
        var pending = await InterestAsync("rust");
        Assert.Equal((true, null, null), (pending.SpacePending, pending.RoleRef, pending.ChannelRef));
        var intent = Assert.Single(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None));
        Assert.Equal((MessageTargetKind.InterestSpaceSetup, pending.Id.Value), (intent.Target.Kind, intent.Target.Interest));

        await Harness.TickAsync();

        Assert.Equal(["ensure rust -"], spaces.Calls);
        var interest = await InterestAsync("rust");
        Assert.Equal((false, "role-rust", "channel-rust"), (interest.SpacePending, interest.RoleRef, interest.ChannelRef));
        var ready = Assert.Single(Harness.Platform.Keyed("space-setup:"));
        Assert.Equal((new MemberId("mana"), InterestTexts.InterestSpaceReady.Format(Language.En, "rust")), (Assert.Single(ready.Target.Members), ready.Reply.Text));
    }

    [Fact]
    public async Task A_second_create_of_the_same_name_in_any_case_is_refused_and_stores_nothing()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");

        var again = await Harness.TypeAsync("mana", "/admin interests create RUST");

        Assert.True(again.IsError);
        Assert.Equal(InterestTexts.InterestExists.Format(Language.En, "rust"), again.Text);
        Assert.Single(await Harness.Store.ListInterestsAsync(CommandHarness.Community, includeArchived: true, CancellationToken.None));
        Assert.Single(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task A_join_before_the_space_exists_waits_for_it()
    {
        spaces.NextOutcome = InterestSpaceOutcome.Unavailable;
        await Harness.TypeAsync("mana", "/admin interests create rust");
        await Harness.TypeAsync("aiko", "/interests join rust");

        await Harness.TickAsync();

        Assert.Equal(["ensure rust -"], spaces.Calls);
        spaces.NextOutcome = InterestSpaceOutcome.Done;
        Harness.Clock.Advance(InterestSpaceSync.RetryAfter);
        await Harness.TickAsync();

        Assert.Equal(["ensure rust -", "ensure rust -", "add rust aiko role-rust"], spaces.Calls);
        Assert.Empty(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Archiving_leaves_the_space_alone_and_restoring_reuses_its_role_and_channel()
    {
        await CreatedAsync("rust");
        await Harness.TypeAsync("mana", "/admin interests archive rust");
        Assert.Equal(["ensure rust -"], spaces.Calls);

        Assert.Contains("open again", (await Harness.TypeAsync("mana", "/admin interests create rust")).Text);
        await Harness.TickAsync();

        Assert.Equal(["ensure rust -", "ensure rust role-rust"], spaces.Calls);
        var interest = await InterestAsync("rust");
        Assert.Equal(("role-rust", "channel-rust"), (interest.RoleRef, interest.ChannelRef));
    }

    [Fact]
    public async Task Archiving_while_the_space_is_being_made_keeps_what_the_outbox_records()
    {
        await Harness.TypeAsync("mana", "/admin interests create rust");
        await Harness.TypeAsync("mana", "/admin interests archive rust");

        await Harness.TickAsync();

        var interest = await InterestAsync("rust");
        Assert.Equal((true, false, "role-rust", "channel-rust"), (interest.Archived, interest.SpacePending, interest.RoleRef, interest.ChannelRef));
        Assert.Equal(InterestTexts.InterestAlreadyArchived.Format(Language.En, "rust"), (await Harness.TypeAsync("mana", "/admin interests archive rust")).Text);
    }

    [Fact]
    public async Task A_refused_creation_keeps_the_group_and_tells_the_manager_how_to_fix_it()
    {
        spaces.NextOutcome = InterestSpaceOutcome.MissingPermissionOrHierarchy;

        var reply = await Harness.TypeAsync("mana", "/admin interests create rust");
        await Harness.TickAsync();
        await Harness.TickAsync();

        Assert.StartsWith(InterestTexts.InterestCreated.Format(Language.En, "rust"), reply.Text);
        var refused = Assert.Single(Harness.Platform.Keyed("space-setup:"));
        Assert.Equal(new MemberId("mana"), Assert.Single(refused.Target.Members));
        Assert.Contains("Manage Roles and Manage Channels", refused.Reply.Text);
        Assert.Contains("Move the NetworkBot role above the interest roles in Server Settings → Roles", refused.Reply.Text, StringComparison.OrdinalIgnoreCase);
        var interest = await InterestAsync("rust");
        Assert.Equal((false, false, null), (interest.Archived, interest.SpacePending, interest.RoleRef));

        spaces.NextOutcome = InterestSpaceOutcome.Done;
        await Harness.TypeAsync("mana", "/admin interests archive rust");
        await Harness.TypeAsync("mana", "/admin interests create rust");
        await Harness.TickAsync();
        Assert.Equal("role-rust", (await InterestAsync("rust")).RoleRef);
    }

    [Fact]
    public async Task Joining_answers_at_once_and_the_outbox_gives_the_role_afterwards()
    {
        await CreatedAsync("rust");

        Assert.Equal(InterestTexts.InterestJoinedRolePending.Format(Language.En, "rust"), (await Harness.TypeAsync("aiko", "/interests join rust")).Text);
        Assert.Equal([new MemberId("aiko")], await MembersOfAsync("rust"));
        Assert.Equal(["ensure rust -"], spaces.Calls);
        var entry = Assert.Single(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None));
        Assert.Equal(
            (MessageTargetKind.InterestSpace, (await InterestAsync("rust")).Id.Value, new MemberId("aiko")),
            (entry.Target.Kind, entry.Target.Interest, Assert.Single(entry.Target.Members)));

        await Harness.TickAsync();

        Assert.Equal(["ensure rust -", "add rust aiko role-rust"], spaces.Calls);
        Assert.Empty(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None));
        Assert.Empty(Sent);
    }

    [Fact]
    public async Task Leaving_takes_the_role_through_the_outbox()
    {
        await CreatedAsync("rust");
        await Harness.TypeAsync("aiko", "/interests join rust");
        await Harness.TickAsync();

        Assert.Equal(InterestTexts.InterestLeftRolePending.Format(Language.En, "rust"), (await Harness.TypeAsync("aiko", "/interests leave rust")).Text);
        Assert.Empty(await MembersOfAsync("rust"));
        await Harness.TickAsync();

        Assert.Equal(["ensure rust -", "add rust aiko role-rust", "remove rust aiko role-rust"], spaces.Calls);
        Assert.Empty(await DeliveredNoticesAsync());
    }

    [Fact]
    public async Task A_join_delivered_after_a_leave_follows_the_data_and_takes_the_role()
    {
        await CreatedAsync("rust");
        await Harness.TypeAsync("aiko", "/interests join rust");
        await Harness.TypeAsync("aiko", "/interests leave rust");

        await Harness.TickAsync();

        Assert.Equal(["remove rust aiko role-rust", "remove rust aiko role-rust"], spaces.Calls.Skip(1));
    }

    [Fact]
    public async Task A_refused_role_keeps_the_membership_and_tells_the_member_and_each_manager_in_their_language()
    {
        await Harness.AddMemberAsync("kenji", "Kenji Sato", Profile.Empty with { Language = Language.Ja });
        await Harness.AddMemberAsync("yui", "Yui Mori", Profile.Empty with { Language = Language.Ja });
        await SetManagersAsync("mana", "kenji");
        await CreatedAsync("rust");
        spaces.NextOutcome = InterestSpaceOutcome.MissingPermissionOrHierarchy;

        var reply = await Harness.TypeAsync("yui", "/interests join rust", locale: Language.Ja);

        Assert.Equal(InterestTexts.InterestJoinedRolePending.Format(Language.Ja, "rust"), reply.Text);
        Assert.Equal([new MemberId("yui")], await MembersOfAsync("rust"));
        var notices = (await DeliveredNoticesAsync()).ToDictionary(n => Assert.Single(n.Target.Members).Value, n => n.Reply.Text);
        Assert.Equal(["kenji", "mana"], notices.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(InterestTexts.ManagerRoleNotGiven.Format(Language.En, "Yui Mori", "rust"), notices["mana"]);
        Assert.Contains("Move the NetworkBot role above the interest roles in Server Settings → Roles", notices["mana"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(InterestTexts.ManagerRoleNotGiven.Format(Language.Ja, "Yui Mori", "rust"), notices["kenji"]);
        Assert.Contains("サーバー設定 → ロール", notices["kenji"]);
        var toMember = Assert.Single(Harness.Platform.Keyed("interest-space-member:"));
        Assert.Equal((MessageTargetKind.Member, new MemberId("yui")), (toMember.Target.Kind, Assert.Single(toMember.Target.Members)));
        Assert.Equal(
            $"{InterestTexts.InterestJoinedRoleFailed.Format(Language.Ja, "rust")} {InterestTexts.InterestSpaceManagersTold.Get(Language.Ja)}",
            toMember.Reply.Text);
    }

    [Fact]
    public async Task A_refused_role_removal_still_leaves_the_group_and_asks_managers_to_remove_the_role()
    {
        await CreatedAsync("rust");
        await Harness.TypeAsync("aiko", "/interests join rust");
        await Harness.TickAsync();
        spaces.NextOutcome = InterestSpaceOutcome.MissingPermissionOrHierarchy;

        await Harness.TypeAsync("aiko", "/interests leave rust");

        Assert.Empty(await MembersOfAsync("rust"));
        var notice = Assert.Single(await DeliveredNoticesAsync());
        Assert.Equal(InterestTexts.ManagerRoleNotRemoved.Format(Language.En, "Aiko Tanaka", "rust"), notice.Reply.Text);
        Assert.StartsWith(InterestTexts.InterestLeftRoleFailed.Format(Language.En, "rust"), Assert.Single(Harness.Platform.Keyed("interest-space-member:")).Reply.Text);
    }

    [Fact]
    public async Task A_missing_role_is_reported_to_managers_as_missing()
    {
        await CreatedAsync("rust");
        spaces.NextOutcome = InterestSpaceOutcome.NotFound;

        await Harness.TypeAsync("aiko", "/interests join rust");

        Assert.Equal(InterestTexts.ManagerRoleMissing.Format(Language.En, "Aiko Tanaka", "rust"), Assert.Single(await DeliveredNoticesAsync()).Reply.Text);
    }

    [Fact]
    public async Task Without_managers_the_member_is_asked_to_tell_a_server_admin()
    {
        await CreatedAsync("rust");
        await SetManagersAsync();
        spaces.NextOutcome = InterestSpaceOutcome.MissingPermissionOrHierarchy;

        await Harness.TypeAsync("aiko", "/interests join rust");

        Assert.Empty(await DeliveredNoticesAsync());
        Assert.Equal(
            $"{InterestTexts.InterestJoinedRoleFailed.Format(Language.En, "rust")} {InterestTexts.InterestSpaceNoManagers.Get(Language.En)}",
            Assert.Single(Harness.Platform.Keyed("interest-space-member:")).Reply.Text);
        Assert.Equal([new MemberId("aiko")], await MembersOfAsync("rust"));
        Assert.Empty(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task An_unavailable_platform_is_retried_by_the_outbox_without_bothering_anyone()
    {
        await CreatedAsync("rust");
        spaces.NextOutcome = InterestSpaceOutcome.Unavailable;

        await Harness.TypeAsync("aiko", "/interests join rust");
        await Harness.TickAsync();

        Assert.Equal(["add rust aiko role-rust"], spaces.Calls.Skip(1));
        Assert.Empty(Sent);
        spaces.NextOutcome = InterestSpaceOutcome.Done;
        Harness.Clock.Advance(InterestSpaceSync.RetryAfter);
        await Harness.TickAsync();

        Assert.Equal(["add rust aiko role-rust", "add rust aiko role-rust"], spaces.Calls.Skip(1));
        Assert.Empty(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, CancellationToken.None));
        Assert.Empty(Sent);
    }

    [Fact]
    public async Task Trying_again_the_same_day_notifies_the_managers_once()
    {
        await CreatedAsync("rust");
        spaces.NextOutcome = InterestSpaceOutcome.MissingPermissionOrHierarchy;

        await Harness.TypeAsync("aiko", "/interests join rust");
        await Harness.TickAsync();
        await Harness.TypeAsync("aiko", "/interests join rust");

        Assert.Single(await DeliveredNoticesAsync());
        Assert.Equal(["add rust aiko role-rust", "add rust aiko role-rust"], spaces.Calls.Skip(1));
        Assert.Single(Harness.Platform.Keyed("interest-space-member:"));
    }
}
