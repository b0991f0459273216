using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Events;

/// <summary>
/// Events mirrored to the platform's own event list (a Discord scheduled event) through the real command layer,
/// store, scheduler and outbox, and "Interested" there counted as a maybe.
/// </summary>
public sealed class PlatformEventTests : CommandTestBase
{
    private const string Create = "/admin events create title:\"Rust meetup\" date:2026-12-03 time:19:00 place:\"Shibuya, Tokyo\"";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly RecordingPlatformEvents platform = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IPlatformEvents>(platform);

    private async Task<Event> CreateAsync(string line = Create)
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo announcement-channel:news");
        var created = await Harness.TypeAsync("mana", line);
        Assert.False(created.IsError, created.Text);
        return Assert.Single(await Harness.Store.ListEventsAsync(CommandHarness.Community, includeCancelled: true, Ct));
    }

    /// <summary>Created and delivered: the platform event exists and its ref is stored.</summary>
    private async Task<Event> PublishedAsync()
    {
        var ev = await CreateAsync();
        await Harness.TickAsync();
        return await StoredAsync(ev);
    }

    private async Task<Event> StoredAsync(Event ev) => (await Harness.Store.GetEventAsync(CommandHarness.Community, ev.Id, Ct))!;

    private Task<bool> InterestedAsync(string member, string reference, bool interested = true, CommunityId? community = null) =>
        Harness.Get<PlatformEventInterest>().ChangedAsync(community ?? CommandHarness.Community, reference, new MemberId(member), interested, Ct);

    private async Task<string> AnswersAsync(Event ev) =>
        string.Join(",", (await Harness.Store.ListRsvpsAsync(CommandHarness.Community, ev.Id, Ct)).Select(r => $"{r.Member}:{r.Status}"));

    [Fact]
    public async Task Creating_saves_the_intent_with_the_event_and_the_outbox_publishes_it_and_stores_the_platform_ref()
    {
        var ev = await CreateAsync();

        Assert.Empty(platform.Calls);
        var intent = Assert.Single(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, int.MaxValue, Ct), m => m.Target.Kind == MessageTargetKind.PlatformEvent);
        Assert.Equal(ev.Id.Value, intent.Target.Event);

        await Harness.TickAsync();

        Assert.Equal(["publish Rust meetup - 2026-12-03T10:00:00Z"], platform.Calls);
        Assert.Equal("pe-1", (await StoredAsync(ev)).PlatformRef);
    }

    [Fact]
    public async Task Editing_updates_the_same_platform_event_and_cancelling_cancels_it()
    {
        var ev = await CreateAsync();
        await Harness.TickAsync();

        await Harness.TypeAsync("mana", $"/admin events edit event:{ev.Id} title:\"Rust night\" time:20:00");
        await Harness.TickAsync();
        var cancelled = await Harness.TypeAsync("mana", $"/admin events cancel event:{ev.Id}");
        await Harness.TickAsync();

        Assert.Equal(["publish Rust meetup - 2026-12-03T10:00:00Z", "publish Rust night pe-1 2026-12-03T11:00:00Z", "cancel pe-1"], platform.Calls);
        Assert.Equal(EventTexts.EventCancelled.Format(Language.En, "Rust night", 0), cancelled.Text);
        var stored = await StoredAsync(ev);
        Assert.Equal(("pe-1", true), (stored.PlatformRef, stored.Cancelled));
    }

    [Fact]
    public async Task Intents_delivered_late_follow_the_event_as_stored()
    {
        var ev = await CreateAsync();
        await Harness.TypeAsync("mana", $"/admin events edit event:{ev.Id} title:\"Rust night\"");
        await Harness.TypeAsync("mana", $"/admin events cancel event:{ev.Id}");

        await Harness.TickAsync();

        Assert.Equal(["cancel -", "cancel -", "cancel -"], platform.Calls);
        Assert.True((await StoredAsync(ev)).Cancelled);
    }

    [Fact]
    public async Task A_refusal_keeps_the_event_as_saved_tells_the_managers_once_a_day_and_the_next_edit_publishes_it()
    {
        platform.NextOutcome = PlatformEventOutcome.MissingPermission;

        var ev = await CreateAsync();
        await Harness.TickAsync();
        await Harness.TickAsync();

        Assert.Equal(("Rust meetup", false, null), (ev.Title, ev.Cancelled, (await StoredAsync(ev)).PlatformRef));
        var notice = Assert.Single(Harness.Platform.Keyed("platform-event:"));
        Assert.Equal((MessageTargetKind.Member, "mana"), (notice.Target.Kind, Assert.Single(notice.Target.Members).Value));
        Assert.Contains("Create Events and Manage Events", notice.Reply.Text);

        await Harness.TypeAsync("mana", $"/admin events edit event:{ev.Id} title:\"Rust night\"");
        await Harness.TickAsync();
        await Harness.TickAsync();
        Assert.Equal("Rust night", (await StoredAsync(ev)).Title);
        Assert.Single(Harness.Platform.Keyed("platform-event:"));

        platform.NextOutcome = PlatformEventOutcome.Done;
        await Harness.TypeAsync("mana", $"/admin events edit event:{ev.Id} capacity:5");
        await Harness.TickAsync();
        Assert.Equal("pe-1", (await StoredAsync(ev)).PlatformRef);
    }

    [Fact]
    public async Task An_unavailable_platform_on_cancel_is_tried_again_by_the_outbox_until_it_is_cancelled()
    {
        var ev = await CreateAsync();
        await Harness.TickAsync();
        platform.NextOutcome = PlatformEventOutcome.Unavailable;

        var cancelled = await Harness.TypeAsync("mana", $"/admin events cancel event:{ev.Id}");
        await Harness.TickAsync();

        Assert.Equal(EventTexts.EventCancelled.Format(Language.En, "Rust meetup", 0), cancelled.Text);
        Assert.True((await StoredAsync(ev)).Cancelled);
        platform.NextOutcome = PlatformEventOutcome.Done;
        Harness.Clock.Advance(PlatformEventSync.RetryAfter);
        await Harness.TickAsync();
        Assert.Equal(["publish Rust meetup - 2026-12-03T10:00:00Z", "cancel pe-1", "cancel pe-1"], platform.Calls);
        Assert.Empty(Harness.Platform.Keyed("platform-event:"));
    }

    [Fact]
    public async Task A_repeating_event_moving_to_its_next_occurrence_moves_its_platform_event()
    {
        var ev = await CreateAsync(Create + " repeat:weekly");
        await Harness.TickAsync();
        Harness.Clock.SetUtcNow(ev.End.AddMinutes(1));

        await Harness.TickAsync();

        Assert.Equal(["publish Rust meetup - 2026-12-03T10:00:00Z", "publish Rust meetup pe-1 2026-12-10T10:00:00Z"], platform.Calls);
        Assert.Equal(ev.Start.AddDays(7), (await StoredAsync(ev)).Start);
    }

    [Fact]
    public async Task A_platform_without_platform_events_is_never_asked()
    {
        var discord = new RecordingPlatformEvents("discord");
        await using var other = await CommandHarness.StartAsync(s => s.AddSingleton<IPlatformEvents>(discord));
        await other.SetUpCommunityAsync();
        var reply = await other.TypeAsync("mana", Create);

        Assert.False(reply.IsError, reply.Text);
        await other.TickAsync();
        Assert.Null(Assert.Single(await other.Store.ListEventsAsync(CommandHarness.Community, includeCancelled: true, Ct)).PlatformRef);
        Assert.Empty(discord.Calls);
    }

    [Fact]
    public async Task Interested_on_the_platform_is_a_maybe_that_never_downgrades_an_answer()
    {
        var ev = await PublishedAsync();
        await Harness.InvokeAsync("aiko", "events rsvp", ("event", ev.Id.Value), ("status", "going"));

        Assert.False(await InterestedAsync("aiko", "pe-1"));
        Assert.True(await InterestedAsync("ben", "pe-1"));
        Assert.False(await InterestedAsync("ben", "pe-1"));

        Assert.Equal("aiko:Going,ben:Maybe", await AnswersAsync(ev));
    }

    [Fact]
    public async Task No_longer_interested_takes_back_only_the_platforms_maybe()
    {
        var ev = await PublishedAsync();
        await InterestedAsync("aiko", "pe-1");
        await InterestedAsync("ben", "pe-1");
        await Harness.InvokeAsync("ben", "events rsvp", ("event", ev.Id.Value), ("status", "maybe"));

        Assert.True(await InterestedAsync("aiko", "pe-1", interested: false));
        Assert.False(await InterestedAsync("ben", "pe-1", interested: false));

        Assert.Equal("ben:Maybe", await AnswersAsync(ev));
    }

    [Fact]
    public async Task A_ref_is_matched_only_within_its_community_and_only_for_an_open_event()
    {
        var ev = await PublishedAsync();
        var elsewhere = new CommunityId("shell:other");

        Assert.False(await InterestedAsync("aiko", "pe-1", community: elsewhere));
        Assert.False(await InterestedAsync("aiko", "pe-unknown"));
        await Harness.TypeAsync("mana", $"/admin events cancel event:{ev.Id}");
        Assert.False(await InterestedAsync("aiko", "pe-1"));

        Assert.Equal(string.Empty, await AnswersAsync(ev));
    }
}
