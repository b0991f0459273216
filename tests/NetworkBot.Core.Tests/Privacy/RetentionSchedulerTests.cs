using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Privacy;

/// <summary>
/// The retention step over the real SQLite store: members who left are erased once their community's period has passed,
/// each community apart, with one summary per community to its managers that names no one.
/// </summary>
public sealed class RetentionSchedulerTests : CommandTestBase
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly CommunityId Other = CommunityId.For("shell", "other");

    /// <summary>The community whose erasures fail, as a broken row would make them; none unless a test sets it.</summary>
    private CommunityId? failing;

    /// <summary>What happens right after the step read the leavers (a member coming back meanwhile); nothing unless a test sets it.</summary>
    private Func<Task> afterListing = () => Task.CompletedTask;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IPrivacyStore>(sp => new InterferingStore(sp.GetRequiredService<IStore>(), () => failing, () => afterListing()));

    private Task LeftAsync(string member, CommunityId? community = null) =>
        Harness.Get<Departures>().LeftAsync(community ?? CommandHarness.Community, new MemberId(member), Ct);

    private Task<Member?> StoredAsync(string member, CommunityId? community = null) =>
        Harness.Store.GetMemberAsync(community ?? CommandHarness.Community, new MemberId(member), Ct);

    private async Task<int> TickAsync()
    {
        var erased = await Harness.Get<RetentionScheduler>().TickAsync(Ct);
        while (await Harness.Get<OutboxDispatcher>().DeliverDueAsync(Ct) > 0)
        {
        }

        return erased;
    }

    /// <summary>A second community, "other", keeping data <paramref name="days"/> days, managed by omar, with zed and yuki.</summary>
    private async Task OtherCommunityAsync(int days)
    {
        await Harness.Store.SaveCommunityAsync(
            new Community(Other, "Other", CommunitySettings.Default with { Managers = [new MemberId("omar")], RetentionDays = days }, CommandHarness.Start), Ct);
        foreach (var (id, name) in new[] { ("omar", "Omar Manager"), ("zed", "Zed Zhou"), ("yuki", "Yuki Sato") })
        {
            await Harness.Store.SaveMemberAsync(new Member(Other, new MemberId(id), name, Profile.Empty, CoffeeEnrollment.NotJoined, CommandHarness.Start), Ct);
        }
    }

    private IReadOnlyList<OutboxMessage> Summaries(string manager) =>
        [.. Harness.Platform.Keyed("retention:").Where(m => m.Target.Members.SequenceEqual([new MemberId(manager)]))];

    [Fact]
    public async Task Only_members_past_their_communitys_period_are_erased_and_each_communitys_managers_get_one_summary_naming_no_one()
    {
        await OtherCommunityAsync(days: 30);
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Designer\"");
        await LeftAsync("aiko");
        Harness.Clock.Advance(TimeSpan.FromDays(100));
        await LeftAsync("ben");
        await LeftAsync("zed", Other);
        await LeftAsync("yuki", Other);
        Harness.Clock.Advance(TimeSpan.FromDays(81));

        // aiko left 181 days ago (past 180), ben 81 days ago (not yet), zed and yuki 81 days ago in a community keeping 30 days.
        Assert.Equal(3, await TickAsync());

        Assert.Null(await StoredAsync("aiko"));
        Assert.NotNull(await StoredAsync("ben"));
        Assert.Null(await StoredAsync("zed", Other));
        var summary = Assert.Single(Summaries("mana"));
        Assert.Contains("1 member who left more than 180 days ago was deleted", summary.Reply.Text);
        Assert.Contains("2 members who left more than 30 days ago were deleted", Assert.Single(Summaries("omar")).Reply.Text);
        Assert.All(Harness.Platform.Delivered, m => Assert.DoesNotContain("aiko", m.Reply.Text + m.Reply.Title, StringComparison.OrdinalIgnoreCase));
        Assert.All(Harness.Platform.Delivered, m => Assert.DoesNotMatch("Zed|zed|Yuki|yuki", m.Reply.Text + m.Reply.Title));

        Assert.Equal(0, await TickAsync());
        Assert.Single(Summaries("mana"));
    }

    /// <summary>
    /// Delivered messages go when the community's period is over, but never before 30 days: "other" keeps data 1 day, and its
    /// message stays 30 days; the home community keeps 180. Waiting messages stay whatever their age.
    /// </summary>
    [Fact]
    public async Task Delivered_messages_are_deleted_after_the_communitys_period_and_never_before_thirty_days()
    {
        await OtherCommunityAsync(days: 1);
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Designer\"");
        var now = Harness.Clock.GetUtcNow();
        await Harness.Store.EnqueueAsync(
            [
                OutboxMessage.Create(CommandHarness.Community, "note:home", MessageTarget.ToMember(new MemberId("aiko")), new Replies.Reply("home"), now),
                OutboxMessage.Create(Other, "note:other", MessageTarget.ToMember(new MemberId("zed")), new Replies.Reply("other"), now),
                OutboxMessage.Create(CommandHarness.Community, "note:later", MessageTarget.ToMember(new MemberId("aiko")), new Replies.Reply("later"), now) with { DueAt = now.AddDays(400) },
            ],
            Ct);
        await TickAsync();

        Harness.Clock.Advance(TimeSpan.FromDays(29));
        await TickAsync();
        Assert.NotNull(await Harness.Store.GetOutboxAsync(Other, "note:other", Ct));

        Harness.Clock.Advance(TimeSpan.FromDays(2));
        await TickAsync();
        Assert.Null(await Harness.Store.GetOutboxAsync(Other, "note:other", Ct));
        Assert.NotNull(await Harness.Store.GetOutboxAsync(CommandHarness.Community, "note:home", Ct));

        Harness.Clock.Advance(TimeSpan.FromDays(150));
        await TickAsync();
        Assert.Null(await Harness.Store.GetOutboxAsync(CommandHarness.Community, "note:home", Ct));
        Assert.NotNull(await Harness.Store.GetOutboxAsync(CommandHarness.Community, "note:later", Ct));
    }

    [Fact]
    public async Task A_member_who_came_back_or_ran_a_command_is_not_erased()
    {
        await LeftAsync("aiko");
        await LeftAsync("ben");
        Assert.True(await Harness.Get<Departures>().ReturnedAsync(CommandHarness.Community, new MemberId("aiko"), Ct));
        await Harness.TypeAsync("ben", "/coffee status");
        Harness.Clock.Advance(TimeSpan.FromDays(365));

        Assert.Equal(0, await TickAsync());

        Assert.Null((await StoredAsync("aiko"))!.LeftAt);
        Assert.Null((await StoredAsync("ben"))!.LeftAt);
        Assert.Empty(Harness.Platform.Keyed("retention:"));
    }

    [Fact]
    public async Task A_member_who_comes_back_after_the_leavers_were_read_is_not_erased()
    {
        await LeftAsync("aiko");
        Harness.Clock.Advance(TimeSpan.FromDays(200));
        afterListing = () => Harness.Get<Departures>().ReturnedAsync(CommandHarness.Community, new MemberId("aiko"), Ct);

        Assert.Equal(0, await TickAsync());

        Assert.NotNull(await StoredAsync("aiko"));
    }

    [Fact]
    public async Task One_communitys_failing_erasure_does_not_stop_another()
    {
        await OtherCommunityAsync(days: 30);
        await LeftAsync("aiko");
        await LeftAsync("zed", Other);
        Harness.Clock.Advance(TimeSpan.FromDays(200));
        failing = CommandHarness.Community;

        Assert.Equal(1, await TickAsync());

        Assert.NotNull(await StoredAsync("aiko"));
        Assert.Null(await StoredAsync("zed", Other));
        Assert.Single(Summaries("omar"));
        Assert.Empty(Summaries("mana"));
    }

    /// <summary>The real store, except that erasing in the community <paramref name="failing"/> names fails, and <paramref name="afterListing"/> runs once the leavers are read.</summary>
    private sealed class InterferingStore(IStore store, Func<CommunityId?> failing, Func<Task> afterListing) : IPrivacyStore
    {
        public Task<MemberExport?> ExportMemberAsync(CommunityId community, MemberId member, CancellationToken ct) => store.ExportMemberAsync(community, member, ct);

        public Task<bool> EraseMemberAsync(CommunityId community, MemberId member, MemberId placeholder, CancellationToken ct) =>
            community == failing() ? throw new InvalidOperationException("a broken row") : store.EraseMemberAsync(community, member, placeholder, ct);

        public async Task<IReadOnlyList<Leaver>> ListLeaversAsync(CancellationToken ct)
        {
            var leavers = await store.ListLeaversAsync(ct);
            await afterListing();
            return leavers;
        }
    }
}
