using Microsoft.Extensions.Logging;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Events;

/// <summary>
/// Moves every community's events along: icebreaker groups among the "going" members a day before (when the event
/// asks for them), reminders at each offset before the start (to "going", and "maybe" when the event says so), and at the end the follow-up to the attendees, then either the event is finished or a
/// repeating one moves on to its next occurrence (<see cref="ScheduleCalculator"/>) with a new announcement. Each
/// step is written with its messages in one transaction and recorded on the event, and every message has a key
/// naming the occurrence, so ticking again — after a restart, or twice — repeats nothing. Each write carries the
/// event's version as read: an edit or a cancel made meanwhile refuses it, and the community's step decides again on
/// the fresh event (so no reminder goes out for an event just cancelled, and no close rewinds an edit). Each community's
/// step runs under the <see cref="StepSupervisor"/>, so one community's failure holds up no other.
/// </summary>
public sealed class EventScheduler(
    ICommunityStore communityStore, IMemberStore memberStore, IEventStore eventStore,
    CoffeeRounds rounds, GroupIntroduction introduction, IEnumerable<IPlatformEvents> platformEvents, StepSupervisor supervisor,
    TimeProvider time, ILogger<EventScheduler> logger)
{

    public static readonly TimeSpan IcebreakerLead = TimeSpan.FromDays(1);

    /// <summary>At most this many attendees get a "connect" button in the follow-up (Discord shows 25 buttons, one row is kept).</summary>
    public const int MaxConnectButtons = 19;

    /// <summary>
    /// Does everything that is due now, each community apart; returns how many steps were taken. Throws only when the
    /// store has been unreachable too long (<see cref="Storage.StoreUnavailableException"/>) or <paramref name="ct"/> is cancelled.
    /// </summary>
    public Task<int> TickAsync(CancellationToken ct) =>
        supervisor.RunEachCommunityAsync("events", () => eventStore.ListEventCommunitiesAsync(ct), community => StepAsync(community, ct), ct);

    /// <summary>The community's due steps, decided from its events as stored now.</summary>
    private async Task<int> StepAsync(CommunityId communityId, CancellationToken ct)
    {
        if (await communityStore.GetCommunityAsync(communityId, ct).ConfigureAwait(false) is not { } community)
        {
            return 0;
        }

        var steps = 0;
        foreach (var ev in await eventStore.ListEventsAsync(communityId, includeCancelled: false, ct).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            if (now >= ev.End)
            {
                await CloseAsync(ev, community, now, ct).ConfigureAwait(false);
                steps++;
                continue;
            }

            var current = ev;
            if (ev.Icebreaker && ev.IcebreakerFor != ev.Start && now >= ev.Start - IcebreakerLead && now < ev.Start)
            {
                current = await IcebreakAsync(ev, community, now, ct).ConfigureAwait(false);
                steps++;
            }

            if (now < ev.Start && DueReminder(current, now) is { } due)
            {
                await RemindAsync(current, community, due, now, ct).ConfigureAwait(false);
                steps++;
            }
        }

        return steps;
    }

    /// <summary>The latest reminder due by now and not sent yet; earlier unsent ones are skipped, not sent late in a burst.</summary>
    private static (TimeSpan Offset, DateTimeOffset At)? DueReminder(Event ev, DateTimeOffset now) =>
        ev.Reminders
            .Select(offset => (Offset: offset, At: ev.Start - offset))
            .Where(r => r.At <= now && (ev.RemindedFor is not { } sent || r.At > sent))
            .OrderByDescending(r => r.At)
            .Select(r => ((TimeSpan, DateTimeOffset)?)r)
            .FirstOrDefault();

    private async Task RemindAsync(Event ev, Community community, (TimeSpan Offset, DateTimeOffset At) due, DateTimeOffset now, CancellationToken ct)
    {
        var rsvps = await eventStore.ListRsvpsAsync(community.Id, ev.Id, ct).ConfigureAwait(false);
        var to = rsvps.Where(r => r.Status == RsvpStatus.Going || (ev.RemindMaybe && r.Status == RsvpStatus.Maybe)).Select(r => r.Member);
        var members = await EventNotices.MembersAsync(memberStore, community.Id, ct).ConfigureAwait(false);
        var key = $"{EventNotices.Occurrence(ev)}:remind:{(long)due.Offset.TotalMinutes}";
        var messages = EventNotices.ToMembers(community, members, to, key, language =>
            EventCard.Render(ev, rsvps, language) with
            {
                Text = EventTexts.EventReminder.Format(language, ev.Title, TimeToken.Relative(ev.Start), TimeToken.Full(ev.Start)),
                Visibility = Visibility.Private,
            },
            now);
        await eventStore.SaveEventAsync(ev with { RemindedFor = due.At }, messages, _ => [], ct).ConfigureAwait(false);
        EventLog.Reminded(logger, ev.Id.Value, community.Id.Value, messages.Count);
    }

    /// <summary>
    /// Groups the members going (two or more) with the coffee engine — new faces first, by the community's round
    /// history — and introduces each group privately; nothing is stored as a coffee round. Returns the event as stored.
    /// </summary>
    private async Task<Event> IcebreakAsync(Event ev, Community community, DateTimeOffset now, CancellationToken ct)
    {
        var rsvps = await eventStore.ListRsvpsAsync(community.Id, ev.Id, ct).ConfigureAwait(false);
        var members = await EventNotices.MembersAsync(memberStore, community.Id, ct).ConfigureAwait(false);
        var going = rsvps.Where(r => r.Status == RsvpStatus.Going).Select(r => members.GetValueOrDefault(r.Member)).OfType<Member>().ToList();
        var messages = new List<OutboxMessage>();
        if (going.Count >= 2
            && await rounds.GroupAsync(community, going, RoundSettings.Default, ev.Start.ToUnixTimeSeconds(), ct).ConfigureAwait(false) is PairingOutcome.Success success)
        {
            var language = community.Settings.Language;
            var byId = going.ToDictionary(m => m.Id);
            foreach (var (group, index) in success.Result.Groups.Select((g, i) => (g, i)))
            {
                var people = group.Select(id => byId[id]).ToList();
                var card = introduction.Compose(people, community, new GroupId($"{ev.Id}-{index}"), now, ev.Start);
                messages.Add(OutboxMessage.Create(
                    community.Id,
                    $"{EventNotices.Occurrence(ev)}:icebreaker:{index}",
                    MessageTarget.ToGroup(null, group),
                    card with
                    {
                        Title = EventTexts.EventIcebreakerTitle.Format(language, ev.Title),
                        // The coffee greeting (meet before the next round) would be the wrong errand here: this one replaces it.
                        Text = EventTexts.EventIcebreakerIntro.Format(language, NameList.Join(people.Select(m => m.DisplayName), language), ev.Title, TimeToken.Full(ev.Start)),
                    },
                    now));
            }
        }

        var updated = ev with { IcebreakerFor = ev.Start };
        await eventStore.SaveEventAsync(updated, messages, _ => [], ct).ConfigureAwait(false);
        EventLog.Icebroken(logger, ev.Id.Value, community.Id.Value, messages.Count);
        return updated with { Version = updated.Version + 1 };
    }

    /// <summary>Ends the occurrence: the follow-up to whoever was going, then finish the event or move on to the next occurrence.</summary>
    private async Task CloseAsync(Event ev, Community community, DateTimeOffset now, CancellationToken ct)
    {
        var rsvps = await eventStore.ListRsvpsAsync(community.Id, ev.Id, ct).ConfigureAwait(false);
        var attendees = rsvps.Where(r => r.Status == RsvpStatus.Going).Select(r => r.Member).ToList();
        var members = await EventNotices.MembersAsync(memberStore, community.Id, ct).ConfigureAwait(false);
        var messages = attendees
            .SelectMany(a => EventNotices.ToMembers(community, members, [a], EventNotices.Occurrence(ev) + ":follow-up",
                language => FollowUp(ev, attendees.Where(o => o != a).Select(o => members.GetValueOrDefault(o)).OfType<Member>().ToList(), language), now))
            .ToList();
        var updated = ev with { Finished = true };
        if (ev.Recurrence is { } recurrence)
        {
            var next = ScheduleCalculator.NextOccurrence(recurrence, ev.Start);
            // After downtime, move to the first occurrence not over yet rather than replaying missed ones.
            while (next is { } start && start + ev.Duration <= now && ScheduleCalculator.NextOccurrence(recurrence, start) is { } later)
            {
                next = later;
            }

            if (next is { } nextStart)
            {
                updated = ev with { Start = nextStart };
                updated = updated with { RemindedFor = updated.LastReminderDueBy(now) };
                if (EventNotices.Announcement(updated, community, now) is { } announcement)
                {
                    messages.Add(announcement);
                }

                // The platform's event moves on with it, from the outbox; a refusal reaches the managers.
                messages.AddRange(PlatformEventSync.Intents(platformEvents, community, updated, now));
            }
        }

        await eventStore.CloseOccurrenceAsync(updated, ev.Start, attendees, messages, ct).ConfigureAwait(false);
        EventLog.Closed(logger, ev.Id.Value, community.Id.Value, attendees.Count, !updated.Finished);
    }

    /// <summary>Who else came, with their pitch and offers, a "connect" button for each, and "pair me with the ones I didn't meet".</summary>
    private static Reply FollowUp(Event ev, IReadOnlyList<Member> others, Language language)
    {
        if (others.Count == 0)
        {
            return new Reply(EventTexts.EventFollowUpNobody.Format(language, ev.Title));
        }

        var fields = others.Take(25)
            .Select(m => new ReplyField(m.DisplayName, string.Join(" · ", new[] { m.Profile.Pitch, m.Profile.Offers.Count > 0 ? string.Join(", ", m.Profile.Offers) : null }.OfType<string>().DefaultIfEmpty("—"))))
            .ToList();
        var buttons = others.Take(MaxConnectButtons)
            .Select(m => new ReplyButton(EventTexts.ButtonConnect.Format(language, m.DisplayName), CommandInvocation.Of("events connect", (EventOptions.Event.Name, ev.Id.Value), (EventOptions.Attendee.Name, m.Id.Value)), ButtonStyle.Primary))
            .Append(new ReplyButton(EventTexts.ButtonPairMe.Get(language), CommandInvocation.Of("events pair-me", (EventOptions.Event.Name, ev.Id.Value))))
            .ToList();
        return new Reply(EventTexts.EventFollowUp.Format(language, ev.Title)) { Title = ev.Title, Fields = fields, Buttons = buttons };
    }
}
