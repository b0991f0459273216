using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Events;

/// <summary>
/// Events end to end through the real command layer, store and outbox on a fake clock: creation and the
/// announcement, answers with a waitlist, edits and cancellations told to everyone who answered, reminders and the
/// follow-up across DST and restarts — every message delivered exactly once.
/// </summary>
public sealed class EventFlowTests : CommandTestBase
{
    private const string Create = "/admin events create title:\"Rust meetup\" date:2026-12-03 time:19:00 capacity:1 place:\"Shibuya, Tokyo\"";

    private async Task<Event> SetUpAndCreateAsync(string line = Create)
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo announcement-channel:news");
        var created = await Harness.TypeAsync("mana", line);
        Assert.False(created.IsError, created.Text);
        return Assert.Single(await Harness.Store.ListEventsAsync(CommandHarness.Community, includeCancelled: true, CancellationToken.None));
    }

    private Task<Reply> RsvpAsync(string member, Event ev, string status) =>
        Harness.InvokeAsync(member, "events rsvp", ("event", ev.Id.Value), ("status", status));

    private Task<Reply> PressAsync(string member, ReplyButton button) =>
        Harness.InvokeAsync(member, button.Action.Path, [.. button.Action.Options.Select(o => (o.Key, o.Value))]);

    private void AssertEveryMessageDeliveredOnce() =>
        Assert.Equal(Harness.Platform.Delivered.Count, Harness.Platform.Delivered.Select(m => (m.Community, m.Key)).Distinct().Count());

    private static string Field(Reply reply, string name) => Assert.Single(reply.Fields, f => f.Name == name).Value;

    [Fact]
    public async Task Create_without_options_is_a_form_of_at_most_five_fields()
    {
        var reply = await Harness.TypeAsync("mana", "/admin events create");

        var form = Assert.IsType<ReplyForm>(reply.Form);
        Assert.Equal("admin events create", form.SubmitPath);
        Assert.Equal(["title", "date", "time", "duration", "place"], form.Fields.Select(f => f.OptionName));
        Assert.Equal("1h", form.Fields.Single(f => f.OptionName == "duration").Value);
    }

    [Theory]
    [InlineData("duration:2h", 120)]
    [InlineData("duration:1h30m", 90)]
    [InlineData("duration:\"1h 30m\"", 90)]
    [InlineData("duration:90", 90)]
    [InlineData("duration:1時間30分", 90)]
    [InlineData("", 60)]
    public async Task A_length_typed_in_hours_and_minutes_is_stored_as_minutes(string duration, int minutes)
    {
        var ev = await SetUpAndCreateAsync($"{Create} {duration}");

        Assert.Equal(TimeSpan.FromMinutes(minutes), ev.Duration);
    }

    [Fact]
    public async Task Reminders_read_lengths_with_the_same_grammar_as_the_event_length()
    {
        var ev = await SetUpAndCreateAsync($"{Create} reminders:1日、1時間30分");

        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromMinutes(90)], ev.Reminders);
    }

    [Fact]
    public async Task The_form_length_and_an_edit_take_the_same_forms()
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo announcement-channel:news");
        var submitted = await Harness.InvokeAsync("mana", "admin events create", ("title", "Lunch"), ("date", "2026-12-03"), ("time", "12:00"), ("duration", "２時間"), ("place", ""));
        Assert.False(submitted.IsError, submitted.Text);
        var ev = Assert.Single(await Harness.Store.ListEventsAsync(CommandHarness.Community, includeCancelled: true, CancellationToken.None));
        Assert.Equal(TimeSpan.FromHours(2), ev.Duration);

        var edited = await Harness.TypeAsync("mana", $"/admin events edit {ev.Id} duration:45m");

        Assert.False(edited.IsError, edited.Text);
        Assert.Equal(TimeSpan.FromMinutes(45), (await Harness.Store.GetEventAsync(CommandHarness.Community, ev.Id, CancellationToken.None))!.Duration);
        Assert.Contains("must be a length from 5m to 24h", (await RefusedAndUnchangedAsync("mana", $"/admin events edit {ev.Id} duration:25h")).Text);
    }

    [Fact]
    public async Task Creating_announces_the_event_once_with_only_the_chosen_role_and_times_as_tokens()
    {
        var ev = await SetUpAndCreateAsync(Create + " mention:<@&777> description:\"@everyone come! <@123>\"");
        Harness.Restart();
        await Harness.TickAsync();
        await Harness.TickAsync();

        var announcement = Assert.Single(Harness.Platform.Keyed("event:"));
        Assert.Equal(MessageTarget.ToChannel("news"), announcement.Target with { Members = [] });
        Assert.Equal("777", announcement.Reply.MentionRole);
        Assert.Equal(Visibility.Public, announcement.Reply.Visibility);
        Assert.Equal("@everyone come! <@123>", announcement.Reply.Text);
        var start = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(start, ev.Start);
        Assert.Equal($"{TimeToken.Full(start)} ({TimeToken.Relative(start)})", Field(announcement.Reply, "When"));
        Assert.Equal("2026-12-03 19:00 (Asia/Tokyo)", TimeToken.InZone(TimeToken.Full(start), NodaTime.DateTimeZoneProviders.Tzdb["Asia/Tokyo"], Harness.Clock.GetUtcNow()));
        Assert.Equal(["Going", "Maybe", "Not going", "Add to calendar"], announcement.Reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task A_promoted_member_is_told_in_their_own_language_and_the_waitlisted_caller_in_theirs()
    {
        var ev = await SetUpAndCreateAsync();
        await Harness.AddMemberAsync("kenji", "Kenji Sato", Profile.Empty with { Language = Language.Ja });
        await Harness.AddMemberAsync("yui", "Yui Mori", Profile.Empty with { Language = Language.Ja });

        await RsvpAsync("aiko", ev, "going");
        await RsvpAsync("kenji", ev, "going");
        await RsvpAsync("aiko", ev, "not-going");
        await Harness.TickAsync();

        var notices = Harness.Platform.Keyed($"event:{ev.Id}:").ToList();
        var waitlisted = Assert.Single(notices, m => m.Key.Contains(":waitlisted:", StringComparison.Ordinal));
        Assert.Equal([new MemberId("kenji")], waitlisted.Target.Members);
        Assert.Equal(EventTexts.EventWaitlisted.Format(Language.Ja, "Rust meetup"), waitlisted.Reply.Text);
        var promoted = Assert.Single(notices, m => m.Key.Contains(":promoted:", StringComparison.Ordinal));
        Assert.Equal([new MemberId("kenji")], promoted.Target.Members);
        Assert.StartsWith("空きが出ました。Rust meetup", promoted.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(notices, m => m.Target.Members.Contains(new MemberId("yui")));
    }

    [Fact]
    public async Task A_full_event_waitlists_and_promotes_automatically_telling_each_member_once()
    {
        var ev = await SetUpAndCreateAsync();

        var going = await RsvpAsync("aiko", ev, "going");
        var waitlisted = await RsvpAsync("ben", ev, "going");
        await RsvpAsync("ben", ev, "going");

        Assert.True(going.ReplacesSource);
        Assert.Equal("1/1", Field(going, "Going"));
        Assert.Equal("1", Field(waitlisted, "Waitlist"));
        var left = await RsvpAsync("aiko", ev, "not-going");
        Harness.Restart();
        await Harness.TickAsync();

        Assert.Equal("1/1", Field(left, "Going"));
        Assert.DoesNotContain(left.Fields, f => f.Name == "Waitlist");
        var waitlistNotice = Assert.Single(Harness.Platform.Keyed($"event:{ev.Id}:"), m => m.Key.Contains(":waitlisted:", StringComparison.Ordinal));
        Assert.Equal([new MemberId("ben")], waitlistNotice.Target.Members);
        var promoted = Assert.Single(Harness.Platform.Keyed($"event:{ev.Id}:"), m => m.Key.Contains(":promoted:", StringComparison.Ordinal));
        Assert.Equal([new MemberId("ben")], promoted.Target.Members);
        Assert.Contains("A place opened up: you're now going to Rust meetup", promoted.Reply.Text);
        var mine = await Harness.TypeAsync("ben", "/events mine");
        Assert.Contains("going", Assert.Single(mine.Fields).Value);
        AssertEveryMessageDeliveredOnce();
    }

    [Fact]
    public async Task Editing_and_cancelling_tell_everyone_who_answered_once()
    {
        var ev = await SetUpAndCreateAsync();
        await RsvpAsync("aiko", ev, "going");
        await RsvpAsync("ben", ev, "not-going");

        var edited = await Harness.TypeAsync("mana", $"/admin events edit {ev.Id} time:19:30 capacity:5");
        Harness.Restart();
        await Harness.TickAsync();
        var cancelled = await Harness.TypeAsync("mana", "/admin events cancel \"Rust meetup\"");
        await Harness.TickAsync();
        Harness.Restart();
        await Harness.TickAsync();

        Assert.Contains("2 member(s) who answered will be told", edited.Text);
        Assert.Equal("1/5", Field(edited, "Going"));
        var changes = Harness.Platform.Keyed($"event:{ev.Id}:s1:changed:").ToList();
        Assert.Equal(["aiko", "ben"], changes.Select(m => m.Target.Members.Single().Value).Order());
        Assert.Contains(TimeToken.Full(ev.Start.AddMinutes(30)), changes[0].Reply.Text);
        Assert.Contains("Cancelled Rust meetup; 2 member(s)", cancelled.Text);
        Assert.Equal(2, Harness.Platform.Keyed($"event:{ev.Id}:cancelled:").Count());
        var card = Assert.Single(Harness.Platform.Keyed($"event:{ev.Id}:cancelled"), m => m.Target.Kind == MessageTargetKind.Channel);
        Assert.Empty(card.Reply.Buttons);
        Assert.Null(card.Reply.MentionRole);
        Assert.True((await RsvpAsync("aiko", ev, "maybe")).IsError);
        Assert.Contains("No upcoming events", (await Harness.TypeAsync("aiko", "/events list")).Text);
        AssertEveryMessageDeliveredOnce();
    }

    [Fact]
    public async Task Refusals_are_clear_and_change_nothing()
    {
        await SetUpAndCreateAsync();

        Assert.Contains("Only community managers", (await RefusedAndUnchangedAsync("aiko", "/admin events create title:X date:2026-12-24 time:10:00")).Text);
        Assert.Contains("at least `title`, `date` and `time`", (await RefusedAndUnchangedAsync("mana", "/admin events create title:X")).Text);
        Assert.Contains("is not in the future", (await RefusedAndUnchangedAsync("mana", "/admin events create title:X date:2026-11-20 time:08:00")).Text);
        Assert.Contains("`reminders` must look like", (await RefusedAndUnchangedAsync("mana", "/admin events create title:X date:2026-12-24 time:10:00 reminders:soon")).Text);
        Assert.Contains("`reminders` must look like", (await RefusedAndUnchangedAsync("mana", "/admin events create title:X date:2026-12-24 time:10:00 reminders:1h,2h,3h,4h,5h,6h")).Text);
        Assert.Contains("`reminders` must look like", (await RefusedAndUnchangedAsync("mana", "/admin events create title:X date:2026-12-24 time:10:00 reminders:31d")).Text);
        Assert.Contains("`duration` must be a length from 5m to 24h", (await RefusedAndUnchangedAsync("mana", "/admin events create title:X date:2026-12-24 time:10:00 duration:2x")).Text);
        Assert.Contains("must be a channel or role", (await RefusedAndUnchangedAsync("mana", "/admin events create title:X date:2026-12-24 time:10:00 mention:@everyone")).Text);
        Assert.Contains("There is no event “nope”", (await RefusedAndUnchangedAsync("mana", "/admin events edit nope title:Y")).Text);
        Assert.Contains("Nothing to change", (await RefusedAndUnchangedAsync("mana", "/admin events edit \"Rust meetup\"")).Text);
        Assert.Contains("is not in the future", (await RefusedAndUnchangedAsync("mana", "/admin events edit \"Rust meetup\" date:2026-11-01")).Text);
        Assert.Contains("There is no event", (await RefusedAndUnchangedAsync("aiko", "/events ics nope")).Text);
        var before = await Harness.SnapshotAsync();
        Assert.True((await Harness.InvokeAsync("aiko", "events connect", ("event", "Rust meetup"), ("member", "ben"))).IsError);
        Assert.True((await Harness.InvokeAsync("aiko", "events pair-me", ("event", "Rust meetup"))).IsError);
        Assert.True((await Harness.InvokeAsync("aiko", "events rsvp", ("event", "nope"), ("status", "going"))).IsError);
        Assert.Equal(before, await Harness.SnapshotAsync());
        Assert.Contains("イベントはありません", (await Harness.TypeAsync("aiko", "/events show nope", Language.Ja)).Text);
    }

    [Fact]
    public async Task Events_of_one_community_are_invisible_from_another()
    {
        var ev = await SetUpAndCreateAsync();
        var elsewhere = Harness.Request("aiko") with { Community = new CommunityId("shell:elsewhere") };

        var shown = await Harness.Dispatcher.HandleTextAsync(elsewhere, $"/events show {ev.Id}", CancellationToken.None);
        var answered = await Harness.Dispatcher.HandleAsync(elsewhere with { Path = "events rsvp", Options = new Dictionary<string, string> { ["event"] = ev.Id.Value, ["status"] = "going" } }, CancellationToken.None);
        var listed = await Harness.Dispatcher.HandleTextAsync(elsewhere, "/events list", CancellationToken.None);

        Assert.True(shown.IsError);
        Assert.True(answered.IsError);
        Assert.Contains("No upcoming events", listed.Text);
        Assert.Empty(await Harness.Store.ListRsvpsAsync(CommandHarness.Community, ev.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_weekly_event_reminds_follows_up_and_moves_on_across_dst_and_restarts_exactly_once()
    {
        // Mondays 10:00 London from 22 March 2027 (10:00 UTC); BST starts on 28 March, so the next one is 09:00 UTC.
        Harness.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.Zero));
        var ev = await SetUpAndCreateAsync("/admin events create title:\"Morning pitch\" date:2027-03-22 time:10:00 timezone:Europe/London repeat:weekly remind-maybe:yes");
        await RsvpAsync("aiko", ev, "going");
        await RsvpAsync("ben", ev, "going");
        await RsvpAsync("mana", ev, "maybe");
        var first = new DateTimeOffset(2027, 3, 22, 10, 0, 0, TimeSpan.Zero);
        var second = new DateTimeOffset(2027, 3, 29, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(first, ev.Start);

        async Task At(DateTimeOffset when, int steps)
        {
            Harness.Clock.SetUtcNow(when);
            Harness.Restart();
            Assert.Equal(steps, await Harness.TickAsync());
            Harness.Restart();
            Assert.Equal(0, await Harness.TickAsync());
        }

        await At(first.AddHours(-24).AddMinutes(-1), 0);
        await At(first.AddHours(-24), 1);
        await At(first.AddHours(-1), 1);
        await At(first.AddMinutes(59), 0);
        await At(first.AddHours(1), 1);

        var occurrence = $"event:{ev.Id}:{first.ToUnixTimeSeconds()}";
        Assert.Equal(3, Harness.Platform.Keyed(occurrence + ":remind:1440:").Count());
        Assert.Equal(3, Harness.Platform.Keyed(occurrence + ":remind:60:").Count());
        var reminder = Harness.Platform.Keyed(occurrence + ":remind:60:").First();
        Assert.Contains($"starts {TimeToken.Relative(first)}", reminder.Reply.Text);
        var followUps = Harness.Platform.Keyed(occurrence + ":follow-up:").ToList();
        Assert.Equal(["aiko", "ben"], followUps.Select(m => m.Target.Members.Single().Value).Order());
        var moved = (await Harness.Store.GetEventAsync(CommandHarness.Community, ev.Id, CancellationToken.None))!;
        Assert.Equal(second, moved.Start);
        Assert.Empty(await Harness.Store.ListRsvpsAsync(CommandHarness.Community, ev.Id, CancellationToken.None));
        Assert.Single(Harness.Platform.Keyed($"event:{ev.Id}:{second.ToUnixTimeSeconds()}:announce"));

        // The next occurrence keeps 10:00 London, now 09:00 UTC; its reminders follow it.
        await RsvpAsync("aiko", moved, "going");
        await At(second.AddHours(-24), 1);
        Assert.Single(Harness.Platform.Keyed($"event:{ev.Id}:{second.ToUnixTimeSeconds()}:remind:1440:"));

        // After the event: connect when both press, and "pair me" with the attendees not met.
        var aikoFollowUp = followUps.Single(m => m.Target.Members.Single().Value == "aiko").Reply;
        Assert.Contains(aikoFollowUp.Fields, f => f.Name == "Ben Okafor");
        Assert.Contains("Connect: Ben Okafor", aikoFollowUp.Buttons[0].Label);
        var benFollowUp = followUps.Single(m => m.Target.Members.Single().Value == "ben").Reply;
        var pairMe = await PressAsync("ben", benFollowUp.Buttons[^1]);
        Assert.Contains("1 attendee(s)", pairMe.Text);
        Assert.Contains("When Ben Okafor presses", (await PressAsync("aiko", aikoFollowUp.Buttons[0])).Text);
        Assert.Contains("You and Aiko Tanaka are now connected", (await PressAsync("ben", benFollowUp.Buttons[0])).Text);
        Assert.Single((await Harness.TypeAsync("aiko", "/connections")).Fields);
        AssertEveryMessageDeliveredOnce();
    }

    [Fact]
    public async Task Reminders_already_due_when_the_event_is_created_are_skipped_not_sent_late()
    {
        Harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero));
        var ev = await SetUpAndCreateAsync();
        await RsvpAsync("aiko", ev, "going");

        Assert.Equal(0, await Harness.TickAsync());
        Harness.Clock.SetUtcNow(ev.Start.AddHours(-1));
        Assert.Equal(1, await Harness.TickAsync());

        Assert.Empty(Harness.Platform.Keyed($"{EventNotices.Occurrence(ev)}:remind:1440:"));
        Assert.Single(Harness.Platform.Keyed($"{EventNotices.Occurrence(ev)}:remind:60:"));
    }

    [Fact]
    public async Task After_downtime_a_weekly_event_closes_once_and_moves_to_its_next_future_occurrence()
    {
        var ev = await SetUpAndCreateAsync(Create + " repeat:weekly");
        await RsvpAsync("aiko", ev, "going");

        Harness.Clock.SetUtcNow(ev.Start.AddDays(15));
        Assert.Equal(1, await Harness.TickAsync());
        Harness.Restart();
        Assert.Equal(0, await Harness.TickAsync());

        var moved = (await Harness.Store.GetEventAsync(CommandHarness.Community, ev.Id, CancellationToken.None))!;
        Assert.Equal(ev.Start.AddDays(21), moved.Start);
        Assert.Single(Harness.Platform.Keyed($"{EventNotices.Occurrence(ev)}:follow-up:"));
        Assert.Single(Harness.Platform.Keyed($"{EventNotices.Occurrence(moved)}:announce"));
        Assert.Null(moved.RemindedFor);
        AssertEveryMessageDeliveredOnce();
    }

    [Fact]
    public async Task Going_members_get_icebreaker_groups_a_day_before_once_without_touching_coffee()
    {
        await Harness.AddMemberAsync("chen", "Chen Wei");
        await Harness.TypeAsync("aiko", "/coffee join");
        await Harness.TypeAsync("aiko", "/coffee skip");
        var ev = await SetUpAndCreateAsync(Create.Replace("capacity:1", "icebreaker:yes", StringComparison.Ordinal));
        foreach (var member in new[] { "mana", "aiko", "ben", "chen" })
        {
            await RsvpAsync(member, ev, "going");
        }

        Harness.Clock.SetUtcNow(ev.Start.AddHours(-24).AddMinutes(-1));
        Assert.Equal(0, await Harness.TickAsync());
        Harness.Clock.SetUtcNow(ev.Start.AddHours(-24));
        Assert.Equal(2, await Harness.TickAsync());
        Harness.Restart();
        Assert.Equal(0, await Harness.TickAsync());

        var groups = Harness.Platform.Keyed($"{EventNotices.Occurrence(ev)}:icebreaker:").ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(["aiko", "ben", "chen", "mana"], groups.SelectMany(g => g.Target.Members).Select(m => m.Value).Order());
        var names = (await Harness.Store.ListMembersAsync(CommandHarness.Community, CancellationToken.None)).ToDictionary(m => m.Id, m => m.DisplayName);
        Assert.All(groups, g => Assert.StartsWith(
            $"Hi {names[g.Target.Members[0]]} and {names[g.Target.Members[1]]} — you're all going to Rust meetup, which starts {TimeToken.Full(ev.Start)}.",
            g.Reply.Text));
        Assert.Empty(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, CancellationToken.None));
        Assert.True((await Harness.MemberAsync("aiko")).Coffee.SkipNext);
        AssertEveryMessageDeliveredOnce();
    }

    [Fact]
    public async Task The_calendar_file_and_feed_link_come_from_the_same_events()
    {
        var ev = await SetUpAndCreateAsync();

        var ics = await Harness.TypeAsync("aiko", "/events ics \"rust meetup\"");
        var shown = await Harness.TypeAsync("mana", "/admin events feed");
        var again = await Harness.TypeAsync("mana", "/admin events feed");
        var rotated = await Harness.TypeAsync("mana", "/admin events feed rotate");
        var off = await Harness.TypeAsync("mana", "/admin events feed off");

        var file = Assert.IsType<ReplyFile>(ics.File);
        Assert.Equal($"event-{ev.Id}.ics", file.Name);
        Assert.Equal("20261203T190000", IcsParser.Parse(file.Content).All("VEVENT").Single().One("DTSTART").RawValue);
        Assert.Equal(shown.Text, again.Text);
        Assert.Matches("/calendar/shell%3Atest.ics\\?token=[0-9a-f]{32}$", shown.Text);
        Assert.NotEqual(shown.Text[^32..], rotated.Text[^45..^13]);
        Assert.Contains("no link works", off.Text);
        Assert.Null(await Harness.Store.GetCalendarTokenAsync(CommandHarness.Community, CancellationToken.None));
    }
}
