using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Events;

/// <summary>
/// <c>/events list | mine | show | ics</c> and the buttons of event messages: answering (with a waitlist when the event is
/// full), and after the event, connecting with other attendees and asking to be paired with the ones not met.
/// </summary>
public sealed class EventCommands(
    IMemberStore memberStore, ICoffeeStore coffeeStore, IEventStore eventStore, IConnectionStore connectionStore) : ICommandModule
{
    private static readonly Dictionary<string, RsvpStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["going"] = RsvpStatus.Going,
        ["maybe"] = RsvpStatus.Maybe,
        ["not-going"] = RsvpStatus.NotGoing,
    };

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["events list"] = ListAsync,
        ["events mine"] = MineAsync,
        ["events show"] = ShowAsync,
        ["events ics"] = IcsAsync,
        ["events rsvp"] = RsvpAsync,
        ["events connect"] = ConnectAsync,
        ["events pair-me"] = PairMeAsync,
    };

    private Task<Reply> ListAsync(CommandContext context, CancellationToken ct) =>
        EventListing.ReplyAsync(
            eventStore,
            context,
            includeCancelled: false,
            context.Text(EventTexts.EventsTitle),
            (ev, rsvps) => new(ev.Title, context.Text(EventTexts.EventsLine, EventCard.When(ev), rsvps.Count(r => r.Status == RsvpStatus.Going), ev.Id)),
            ct);

    private async Task<Reply> MineAsync(CommandContext context, CancellationToken ct)
    {
        var answers = (await eventStore.ListMemberRsvpsAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false)).ToDictionary(r => r.Event);
        var events = (await eventStore.ListEventsAsync(context.Community.Id, includeCancelled: false, ct).ConfigureAwait(false))
            .Where(e => answers.ContainsKey(e.Id))
            .ToList();
        if (events.Count == 0)
        {
            return new Reply(context.Text(EventTexts.EventsMineNone));
        }

        var fields = events.Take(25)
            .Select(e => new ReplyField(e.Title, context.Text(EventTexts.EventsMineLine, EventCard.When(e), EventCard.Status(answers[e.Id].Status, context.Language), e.Id)))
            .ToList();
        return new Reply(string.Empty) { Title = context.Text(EventTexts.EventsMineTitle), Fields = fields };
    }

    private async Task<Reply> ShowAsync(CommandContext context, CancellationToken ct)
    {
        var (ev, refusal) = await EventReference.FindAsync(eventStore, context, ct).ConfigureAwait(false);
        if (ev is null)
        {
            return refusal!;
        }

        var rsvps = await eventStore.ListRsvpsAsync(context.Community.Id, ev.Id, ct).ConfigureAwait(false);
        return EventCard.Render(ev, rsvps, context.Language) with { Visibility = Visibility.Private };
    }

    private async Task<Reply> IcsAsync(CommandContext context, CancellationToken ct)
    {
        var (ev, refusal) = await EventReference.FindAsync(eventStore, context, ct).ConfigureAwait(false);
        if (ev is null)
        {
            return refusal!;
        }

        return new Reply(context.Text(EventTexts.EventIcsReady, ev.Title))
        {
            File = new ReplyFile($"event-{ev.Id}.ics", IcsCalendar.ContentType, IcsCalendar.Write([ev], context.Now)),
        };
    }

    /// <summary>Stores the answer and redraws the message the button is on with the new counts.</summary>
    private async Task<Reply> RsvpAsync(CommandContext context, CancellationToken ct)
    {
        var (ev, refusal) = await EventReference.FindAsync(eventStore, context, ct).ConfigureAwait(false);
        if (ev is null)
        {
            return refusal!;
        }

        if (ev.Cancelled || ev.Finished || context.Now >= ev.End)
        {
            return Reply.Error(context.Text(EventTexts.EventClosed, ev.Title));
        }

        await AnswerAsync(eventStore, memberStore, context.Community, ev, context.Caller.Id, Statuses[context.Options.Get(EventOptions.Status)], context.Now, ct)
            .ConfigureAwait(false);
        var rsvps = await eventStore.ListRsvpsAsync(context.Community.Id, ev.Id, ct).ConfigureAwait(false);
        return EventCard.Render(ev, rsvps, context.Community.Settings.Language) with { ReplacesSource = true };
    }

    private async Task<Reply> ConnectAsync(CommandContext context, CancellationToken ct)
    {
        var (ev, refusal) = await EventReference.FindAsync(eventStore, context, ct).ConfigureAwait(false);
        if (ev is null)
        {
            return refusal!;
        }

        var other = context.Options.Get(EventOptions.Attendee);
        var attendees = await eventStore.ListAttendeesAsync(context.Community.Id, ev.Id, ct).ConfigureAwait(false);
        if (other.Id == context.Caller.Id || !attendees.Contains(context.Caller.Id) || !attendees.Contains(other.Id))
        {
            return Reply.Error(context.Text(EventTexts.EventNotAttendee, ev.Title));
        }

        var connected = await connectionStore.WishConnectionAsync(context.Community.Id, ev.Id, context.Caller.Id, other.Id, context.Now, ct).ConfigureAwait(false);
        return new Reply(context.Text(connected ? EventTexts.EventConnected : EventTexts.EventConnectWaiting, other.DisplayName));
    }

    /// <summary>Asks coffee rounds to favour the attendees the caller has no connection with yet.</summary>
    private async Task<Reply> PairMeAsync(CommandContext context, CancellationToken ct)
    {
        var (ev, refusal) = await EventReference.FindAsync(eventStore, context, ct).ConfigureAwait(false);
        if (ev is null)
        {
            return refusal!;
        }

        var attendees = await eventStore.ListAttendeesAsync(context.Community.Id, ev.Id, ct).ConfigureAwait(false);
        if (!attendees.Contains(context.Caller.Id))
        {
            return Reply.Error(context.Text(EventTexts.EventNotAttendee, ev.Title));
        }

        var connections = await connectionStore.ListConnectionsAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        var met = connections.SelectMany(c => new[] { c.A, c.B }).ToHashSet();
        var unmet = attendees.Where(a => a != context.Caller.Id && !met.Contains(a)).ToList();
        await coffeeStore.SavePairWishesAsync(context.Community.Id, context.Caller.Id, unmet, context.Now, ct).ConfigureAwait(false);
        return new Reply(context.Text(EventTexts.EventPairMeSaved, unmet.Count));
    }

    /// <summary>
    /// Stores <paramref name="member"/>'s answer and enqueues what it causes: "you're on the waitlist" to them, "a place
    /// opened up" to each member it moves up. Used by the RSVP buttons and by an erasure giving up the member's places.
    /// </summary>
    internal static async Task AnswerAsync(
        IEventStore eventStore, IMemberStore memberStore, Community community, Event ev, MemberId member, RsvpStatus wanted, DateTimeOffset now,
        CancellationToken ct)
    {
        // Only the member (waitlisted) and those waiting (promoted) can be told anything; one who joins the waitlist
        // meanwhile and is promoted at once is told in the community's language.
        var waiting = (await eventStore.ListRsvpsAsync(community.Id, ev.Id, ct).ConfigureAwait(false))
            .Where(r => r.Status == RsvpStatus.Waitlisted)
            .Select(r => r.Member);
        var members = await memberStore.ByIdsAsync(community.Id, [member, .. waiting], ct).ConfigureAwait(false);
        var occurrence = EventNotices.Occurrence(ev);
        await eventStore.RespondAsync(
            community.Id,
            ev.Id,
            member,
            wanted,
            now,
            outcome =>
            [
                .. EventNotices.ToMembers(community, members, outcome.Status == RsvpStatus.Waitlisted ? [member] : [], occurrence + ":waitlisted",
                    language => new Reply(EventTexts.EventWaitlisted.Format(language, ev.Title)), now),
                .. Promotions(community, members, ev, outcome.Promoted, now),
            ],
            ct).ConfigureAwait(false);
    }

    /// <summary>"A place opened up" to each member moved up from the waitlist (once per occurrence and moment).</summary>
    internal static IReadOnlyList<OutboxMessage> Promotions(
        Community community, IReadOnlyDictionary<MemberId, Member> members, Event ev, IReadOnlyList<MemberId> promoted, DateTimeOffset now) =>
        EventNotices.ToMembers(community, members, promoted, $"{EventNotices.Occurrence(ev)}:promoted:{now.ToUnixTimeMilliseconds()}",
            language => new Reply(EventTexts.EventPromoted.Format(language, ev.Title, TimeToken.Full(ev.Start))), now);
}
