using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class EventStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static Event Meetup(CommunityId community, string id = "ev1", int? capacity = null) =>
        new(community, new EventId(id), "Rust もくもく会, 第3回; \"夜\"", "説明\n二行目", T0.AddDays(10), TimeSpan.FromMinutes(90), "Asia/Tokyo", "https://example.com/meet", capacity, Cancelled: false)
        {
            Repeat = new EventRepeat(CadenceKind.MonthlyNthWeekday, 0, -1),
            Reminders = [TimeSpan.FromDays(2), TimeSpan.FromMinutes(30)],
            RemindMaybe = true,
            Channel = "events",
            MentionRole = "role-9",
            CreatedBy = Id("mana"),
            CreatedAt = T0,
            Sequence = 3,
            RemindedFor = T0.AddDays(8),
            Icebreaker = true,
            IcebreakerFor = T0.AddDays(10),
        };

    private static Func<RsvpOutcome, IReadOnlyList<OutboxMessage>> NoMessages => _ => [];

    private Task<RsvpOutcome> AnswerAsync(Event ev, string member, RsvpStatus status, int minute = 0) =>
        Store.RespondAsync(ev.Community, ev.Id, Id(member), status, T0.AddMinutes(minute), NoMessages, Ct);

    [SkippableFact]
    public async Task An_event_round_trips_every_field()
    {
        var ev = Meetup(Tokyo);

        await Store.SaveEventAsync(ev, [], _ => [], Ct);

        Assert.Equivalent(ev, await Store.GetEventAsync(Tokyo, ev.Id, Ct), strict: true);
        Assert.Equal([Tokyo], await Store.ListEventCommunitiesAsync(Ct));
    }

    [SkippableFact]
    public async Task The_calendar_list_keeps_finished_and_cancelled_events_since_a_date_of_the_own_community_only()
    {
        var finished = Meetup(Tokyo, "done") with { Start = T0.AddDays(-10), Finished = true };
        var cancelled = Meetup(Tokyo, "off") with { Start = T0.AddDays(5), Cancelled = true };
        var old = Meetup(Tokyo, "old") with { Start = T0.AddDays(-400), Finished = true };
        foreach (var ev in new[] { finished, cancelled, old, Meetup(Osaka, "osaka") with { Start = T0.AddDays(1) } })
        {
            await Store.SaveEventAsync(ev, [], _ => [], Ct);
        }

        var listed = await Store.ListCalendarEventsAsync(Tokyo, T0.AddDays(-180), Ct);

        Assert.Equal(["done", "off"], listed.Select(e => e.Id.Value));
        Assert.DoesNotContain(await Store.ListEventsAsync(Tokyo, includeCancelled: true, Ct), e => e.Id.Value == "done");
    }

    [SkippableFact]
    public async Task A_full_event_waitlists_in_arrival_order_and_promotes_when_a_place_frees_up()
    {
        var ev = Meetup(Tokyo, capacity: 2);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);

        Assert.Equal(RsvpStatus.Going, (await AnswerAsync(ev, "a", RsvpStatus.Going)).Status);
        Assert.Equal(RsvpStatus.Going, (await AnswerAsync(ev, "b", RsvpStatus.Going)).Status);
        Assert.Equal(RsvpStatus.Waitlisted, (await AnswerAsync(ev, "d", RsvpStatus.Going)).Status);
        Assert.Equal(RsvpStatus.Waitlisted, (await AnswerAsync(ev, "c", RsvpStatus.Going)).Status);
        Assert.Equal(RsvpStatus.Waitlisted, (await AnswerAsync(ev, "d", RsvpStatus.Going, 5)).Status);
        var rsvps = await Store.ListRsvpsAsync(Tokyo, ev.Id, Ct);
        Assert.Equal(["a", "b", "d", "c"], rsvps.Select(r => r.Member.Value));
        Assert.Equal([1L, 2L], rsvps.Skip(2).Select(r => r.WaitlistPosition!.Value));

        var outcome = await Store.RespondAsync(Tokyo, ev.Id, Id("a"), RsvpStatus.NotGoing, T0, o =>
            [.. o.Promoted.Select(p => OutboxMessage.Create(Tokyo, "promoted:" + p, MessageTarget.ToMember(p), new Reply("空きが出ました"), T0))], Ct);

        Assert.Equal(RsvpStatus.NotGoing, outcome.Status);
        Assert.Equal([Id("d")], outcome.Promoted);
        Assert.Equal(["promoted:d"], (await Store.ListDueOutboxAsync(T0.AddDays(1), 10, Ct)).Select(m => m.Key));
        Assert.Equal(
            [("b", RsvpStatus.Going), ("d", RsvpStatus.Going), ("a", RsvpStatus.NotGoing), ("c", RsvpStatus.Waitlisted)],
            (await Store.ListRsvpsAsync(Tokyo, ev.Id, Ct)).Select(r => (r.Member.Value, r.Status)));
    }

    [SkippableFact]
    public async Task Members_racing_for_the_last_place_get_it_once_and_the_rest_a_distinct_waitlist_place()
    {
        var ev = Meetup(Tokyo, capacity: 1);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => AnswerAsync(ev, "m" + i, RsvpStatus.Going))));

        Assert.Single(outcomes, o => o.Status == RsvpStatus.Going);
        var waiting = (await Store.ListRsvpsAsync(Tokyo, ev.Id, Ct)).Where(r => r.Status == RsvpStatus.Waitlisted).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(p => (long)p), waiting.Select(r => r.WaitlistPosition!.Value));
    }

    [SkippableFact]
    public async Task A_waitlist_past_nine_places_moves_up_in_arrival_order()
    {
        var ev = Meetup(Tokyo, capacity: 1);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);
        var members = Enumerable.Range(0, 12).Select(i => $"m{i:00}").ToList();
        foreach (var member in members)
        {
            await AnswerAsync(ev, member, RsvpStatus.Going);
        }

        var freed = await AnswerAsync(ev, "m00", RsvpStatus.NotGoing);
        IReadOnlyList<MemberId> moved = [];
        await Store.SaveEventAsync(ev with { Capacity = 10 }, [], p => { moved = p; return []; }, Ct);

        Assert.Equal([Id("m01")], freed.Promoted);
        Assert.Equal(members.Skip(2).Take(9).Select(Id), moved);
        var waiting = Assert.Single(await Store.ListRsvpsAsync(Tokyo, ev.Id, Ct), r => r.Status == RsvpStatus.Waitlisted);
        Assert.Equal((Id("m11"), 11L), (waiting.Member, waiting.WaitlistPosition!.Value));
    }

    [SkippableFact]
    public async Task A_maybe_from_the_platform_for_an_event_the_community_does_not_have_is_refused()
    {
        await Store.SaveEventAsync(Meetup(Tokyo), [], _ => [], Ct);

        await AssertIntegrityViolationAsync(() => Store.AddPlatformMaybeAsync(Osaka, new EventId("ev1"), Id("fan"), T0, Ct));
    }

    [SkippableFact]
    public async Task Raising_the_capacity_promotes_the_waitlist_in_the_same_save()
    {
        var ev = Meetup(Tokyo, capacity: 1);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);
        await AnswerAsync(ev, "a", RsvpStatus.Going);
        await AnswerAsync(ev, "b", RsvpStatus.Going);
        await AnswerAsync(ev, "c", RsvpStatus.Going);

        IReadOnlyList<MemberId> moved = [];
        await Store.SaveEventAsync(ev with { Capacity = 2, Sequence = ev.Sequence + 1 }, [], p => { moved = p; return []; }, Ct);

        Assert.Equal([Id("b")], moved);
        Assert.Equal(RsvpStatus.Waitlisted, (await Store.ListRsvpsAsync(Tokyo, ev.Id, Ct)).Single(r => r.Member == Id("c")).Status);
    }

    [SkippableFact]
    public async Task A_write_from_a_copy_read_before_an_edit_is_refused_and_enqueues_nothing()
    {
        var ev = Meetup(Tokyo);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);
        await Store.SaveEventAsync(ev with { Sequence = 1, Title = "edited" }, [], _ => [], Ct);

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveEventAsync(ev with { RemindedFor = T0 }, [Message(Tokyo, "reminder", T0)], _ => [], Ct));
        await Assert.ThrowsAsync<StaleWriteException>(() => Store.CloseOccurrenceAsync(ev with { Finished = true }, ev.Start, [Id("a")], [Message(Tokyo, "follow-up", T0)], Ct));

        var stored = (await Store.GetEventAsync(Tokyo, ev.Id, Ct))!;
        Assert.Equal(("edited", 1, false), (stored.Title, stored.Version, stored.Finished));
        Assert.Empty(await Store.ListDueOutboxAsync(T0, 10, Ct));
        Assert.Empty(await Store.ListAttendeesAsync(Tokyo, ev.Id, Ct));
    }

    [SkippableFact]
    public async Task Closing_an_occurrence_records_attendees_forgets_answers_and_moves_on()
    {
        var ev = Meetup(Tokyo);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);
        await AnswerAsync(ev, "a", RsvpStatus.Going);
        var next = ev with { Start = ev.Start.AddDays(28), RemindedFor = null };

        await Store.CloseOccurrenceAsync(next, ev.Start, [Id("a"), Id("b")], [Message(Tokyo, "follow-up", T0)], Ct);

        Assert.Equivalent(next with { Version = 1 }, await Store.GetEventAsync(Tokyo, ev.Id, Ct), strict: true);
        Assert.Empty(await Store.ListRsvpsAsync(Tokyo, ev.Id, Ct));
        Assert.Equal([Id("a"), Id("b")], await Store.ListAttendeesAsync(Tokyo, ev.Id, Ct));
        Assert.Single(await Store.ListDueOutboxAsync(T0, 10, Ct));

        await Store.CloseOccurrenceAsync(next with { Finished = true, Version = 1 }, next.Start, [Id("a")], [], Ct);
        Assert.Empty(await Store.ListEventCommunitiesAsync(Ct));
        Assert.Empty(await Store.ListEventsAsync(Tokyo, includeCancelled: true, Ct));
    }

    [SkippableFact]
    public async Task Two_members_pressing_connect_for_each_other_are_connected_once()
    {
        var ev = Meetup(Tokyo);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);

        Assert.False(await Store.WishConnectionAsync(Tokyo, ev.Id, Id("a"), Id("b"), T0, Ct));
        Assert.False(await Store.WishConnectionAsync(Tokyo, ev.Id, Id("a"), Id("b"), T0, Ct));
        Assert.Empty(await Store.ListConnectionsAsync(Tokyo, Id("a"), Ct));
        Assert.True(await Store.WishConnectionAsync(Tokyo, ev.Id, Id("b"), Id("a"), T0.AddHours(1), Ct));

        Assert.Equal([new Connection(Tokyo, Id("a"), Id("b"), T0.AddHours(1))], await Store.ListConnectionsAsync(Tokyo, Id("b"), Ct));
    }

    [SkippableFact]
    public async Task Pair_wishes_are_kept_once_per_pair_and_never_for_oneself()
    {
        await Store.SavePairWishesAsync(Tokyo, Id("a"), [Id("b"), Id("a"), Id("c")], T0, Ct);
        await Store.SavePairWishesAsync(Tokyo, Id("a"), [Id("b")], T0.AddDays(1), Ct);

        Assert.Equal([(Id("a"), Id("b")), (Id("a"), Id("c"))], await Store.ListPairWishesAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task The_calendar_token_is_set_rotated_and_revoked()
    {
        Assert.False(await Store.SetCalendarTokenAsync(Tokyo, "t1", Ct));
        await Store.SaveCommunityAsync(new Community(Tokyo, "東京", CommunitySettings.Default, T0), Ct);
        Assert.Null(await Store.GetCalendarTokenAsync(Tokyo, Ct));

        Assert.True(await Store.SetCalendarTokenAsync(Tokyo, "t1", Ct));
        await Store.SaveCommunityAsync(new Community(Tokyo, "東京2", CommunitySettings.Default, T0), Ct);
        Assert.Equal("t1", await Store.GetCalendarTokenAsync(Tokyo, Ct));
        await Store.SetCalendarTokenAsync(Tokyo, null, Ct);
        Assert.Null(await Store.GetCalendarTokenAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task Events_answers_attendees_and_wishes_of_one_community_are_invisible_from_another()
    {
        var ev = Meetup(Tokyo, capacity: 1);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);
        await AnswerAsync(ev, "a", RsvpStatus.Going);
        await Store.CloseOccurrenceAsync(ev with { Start = ev.Start.AddDays(28) }, ev.Start, [Id("a")], [], Ct);
        await AnswerAsync(ev, "a", RsvpStatus.Maybe);
        await Store.SavePairWishesAsync(Tokyo, Id("a"), [Id("b")], T0, Ct);

        Assert.Null(await Store.GetEventAsync(Osaka, ev.Id, Ct));
        Assert.Empty(await Store.ListEventsAsync(Osaka, includeCancelled: true, Ct));
        Assert.Empty(await Store.ListRsvpsAsync(Osaka, ev.Id, Ct));
        Assert.Empty(await Store.ListMemberRsvpsAsync(Osaka, Id("a"), Ct));
        Assert.Empty(await Store.ListAttendeesAsync(Osaka, ev.Id, Ct));
        Assert.Empty(await Store.ListPairWishesAsync(Osaka, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RespondAsync(Osaka, ev.Id, Id("b"), RsvpStatus.Going, T0, NoMessages, Ct));
        Assert.Single(await Store.ListMemberRsvpsAsync(Tokyo, Id("a"), Ct));
    }

    [SkippableFact]
    public async Task The_platform_ref_is_found_only_within_its_community_and_survives_saves_of_an_older_copy()
    {
        var tokyo = Meetup(Tokyo);
        var osaka = Meetup(Osaka, "ev2");
        await Store.SaveEventAsync(tokyo, [], _ => [], Ct);
        await Store.SaveEventAsync(osaka, [], _ => [], Ct);

        await Store.SetEventPlatformRefAsync(Tokyo, tokyo.Id, "60", Ct);
        await Store.SaveEventAsync(tokyo with { Title = "moved", Sequence = tokyo.Sequence + 1 }, [], _ => [], Ct);

        var found = await Store.FindEventByPlatformRefAsync(Tokyo, "60", Ct);
        Assert.Equal(("moved", "60"), (found?.Title, found?.PlatformRef));
        Assert.Null(await Store.FindEventByPlatformRefAsync(Osaka, "60", Ct));
        Assert.Null((await Store.GetEventAsync(Osaka, osaka.Id, Ct))!.PlatformRef);

        await Store.SetEventPlatformRefAsync(Tokyo, tokyo.Id, null, Ct);
        Assert.Null(await Store.FindEventByPlatformRefAsync(Tokyo, "60", Ct));
    }

    [SkippableFact]
    public async Task A_maybe_from_the_platform_never_replaces_an_answer_and_is_taken_back_only_while_it_is_still_that_maybe()
    {
        var ev = Meetup(Tokyo, capacity: 1);
        await Store.SaveEventAsync(ev, [], _ => [], Ct);
        await AnswerAsync(ev, "going", RsvpStatus.Going);
        await AnswerAsync(ev, "no", RsvpStatus.NotGoing);
        await AnswerAsync(ev, "waiting", RsvpStatus.Going);

        Assert.False(await Store.AddPlatformMaybeAsync(Tokyo, ev.Id, Id("going"), T0, Ct));
        Assert.False(await Store.AddPlatformMaybeAsync(Tokyo, ev.Id, Id("no"), T0, Ct));
        Assert.False(await Store.AddPlatformMaybeAsync(Tokyo, ev.Id, Id("waiting"), T0, Ct));
        Assert.True(await Store.AddPlatformMaybeAsync(Tokyo, ev.Id, Id("fan"), T0, Ct));
        Assert.True(await Store.AddPlatformMaybeAsync(Tokyo, ev.Id, Id("convert"), T0, Ct));
        Assert.True(await Store.AddPlatformMaybeAsync(Tokyo, ev.Id, Id("sure"), T0, Ct));
        await AnswerAsync(ev, "convert", RsvpStatus.NotGoing, 1);
        await AnswerAsync(ev, "sure", RsvpStatus.Maybe, 2);

        foreach (var member in new[] { "going", "no", "waiting", "convert", "sure" })
        {
            Assert.False(await Store.RemovePlatformMaybeAsync(Tokyo, ev.Id, Id(member), Ct));
        }

        Assert.True(await Store.RemovePlatformMaybeAsync(Tokyo, ev.Id, Id("fan"), Ct));
        Assert.Equal(
            ["going:Going", "sure:Maybe", "no:NotGoing", "convert:NotGoing", "waiting:Waitlisted"],
            (await Store.ListRsvpsAsync(Tokyo, ev.Id, Ct)).Select(r => $"{r.Member}:{r.Status}"));
    }
}
