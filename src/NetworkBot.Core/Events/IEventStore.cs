using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Events;

/// <summary>
/// Events: the events themselves, answers (RSVPs) with the waitlist, attendees, the counterpart on the platform and
/// the calendar feed's secret. Part of <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IEventStore
{
    Task<Event?> GetEventAsync(CommunityId community, EventId id, CancellationToken ct);

    /// <summary>The community's events that are not finished, soonest first; cancelled ones only when <paramref name="includeCancelled"/>.</summary>
    Task<IReadOnlyList<Event>> ListEventsAsync(CommunityId community, bool includeCancelled, CancellationToken ct);

    /// <summary>
    /// Every event of the community starting at or after <paramref name="since"/>, finished and cancelled ones too, soonest
    /// first: what a subscribed calendar keeps showing once an event is over.
    /// </summary>
    Task<IReadOnlyList<Event>> ListCalendarEventsAsync(CommunityId community, DateTimeOffset since, CancellationToken ct);

    /// <summary>
    /// The communities with an event neither cancelled nor finished, by id (the event scheduler's work list). Ids only:
    /// each community's events are read in its own step, so one unreadable row stops that community only.
    /// </summary>
    Task<IReadOnlyList<CommunityId>> ListEventCommunitiesAsync(CancellationToken ct);

    /// <summary>
    /// Inserts the event, or replaces it while the stored one is still at <see cref="Event.Version"/>, moves waitlisted
    /// members up into places it now has free (its capacity was raised), and enqueues <paramref name="messages"/> and those
    /// <paramref name="promoted"/> makes for them, in one transaction. When the event moved on since it was read (an
    /// edit, a cancel, the scheduler's step) nothing is stored or enqueued and <see cref="Storage.StaleWriteException"/> is
    /// thrown, so a scheduler's step never undoes an edit or reminds of a cancelled event, and an edit never rewinds one.
    /// </summary>
    Task SaveEventAsync(Event ev, IReadOnlyList<OutboxMessage> messages, Func<IReadOnlyList<MemberId>, IReadOnlyList<OutboxMessage>> promoted, CancellationToken ct);

    /// <summary>
    /// Ends the occurrence that started at <paramref name="occurrence"/>, in one transaction: records who attended,
    /// forgets the answers, stores <paramref name="updated"/> (finished, or moved on to its next occurrence) and
    /// enqueues the messages it causes (the follow-up, the next announcement). As <see cref="SaveEventAsync"/>, only while
    /// the stored event is still at <see cref="Event.Version"/>; otherwise <see cref="Storage.StaleWriteException"/>.
    /// </summary>
    Task CloseOccurrenceAsync(Event updated, DateTimeOffset occurrence, IReadOnlyList<MemberId> attendees, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Everyone recorded as attending any occurrence of the event.</summary>
    Task<IReadOnlyList<MemberId>> ListAttendeesAsync(CommunityId community, EventId ev, CancellationToken ct);

    /// <summary>
    /// Who attended which occurrence of every event of the community, oldest occurrence first (then by event and member):
    /// the dashboard's attendance per event in one read instead of one per event.
    /// </summary>
    Task<IReadOnlyList<EventAttendance>> ListAttendanceAsync(CommunityId community, CancellationToken ct);

    /// <summary>
    /// Every "connect" pressed after any event of the community, answered or not, oldest first (then by event, presser and
    /// pressed): the dashboard counts the wishes and the connections each event made from them.
    /// </summary>
    Task<IReadOnlyList<EventConnect>> ListEventConnectsAsync(CommunityId community, CancellationToken ct);

    /// <summary>
    /// In one transaction: stores <paramref name="member"/>'s answer — "going" to a full event becomes
    /// <see cref="RsvpStatus.Waitlisted"/> at the end of the waitlist, and a member already going or waitlisted who
    /// answers "going" again keeps their place — then moves waitlisted members up, in order, into free places,
    /// and enqueues the messages <paramref name="messages"/> makes for that outcome.
    /// </summary>
    Task<RsvpOutcome> RespondAsync(
        CommunityId community, EventId ev, MemberId member, RsvpStatus wanted, DateTimeOffset at,
        Func<RsvpOutcome, IReadOnlyList<OutboxMessage>> messages, CancellationToken ct);

    /// <summary>
    /// Records the event's counterpart on its platform (a Discord scheduled event id), or forgets it with null.
    /// <see cref="SaveEventAsync"/> never changes it, so a scheduler's write with an older copy keeps it.
    /// </summary>
    Task SetEventPlatformRefAsync(CommunityId community, EventId ev, string? platformRef, CancellationToken ct);

    /// <summary>The community's event whose platform counterpart is <paramref name="platformRef"/>; never another community's.</summary>
    Task<Event?> FindEventByPlatformRefAsync(CommunityId community, string platformRef, CancellationToken ct);

    /// <summary>
    /// Records "maybe" for a member who marked the event as interesting on the platform, only when they have no answer
    /// yet (an explicit answer is never changed); true when recorded.
    /// </summary>
    Task<bool> AddPlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Forgets the member's answer only while it is still the "maybe" <see cref="AddPlatformMaybeAsync"/> recorded
    /// (an answer given in NetworkBot since is kept); true when forgotten.
    /// </summary>
    Task<bool> RemovePlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, CancellationToken ct);

    /// <summary>The answers to the event's current occurrence: going, maybe, not going, then the waitlist in order.</summary>
    Task<IReadOnlyList<Rsvp>> ListRsvpsAsync(CommunityId community, EventId ev, CancellationToken ct);

    /// <summary>The member's answers, to any event of the community.</summary>
    Task<IReadOnlyList<Rsvp>> ListMemberRsvpsAsync(CommunityId community, MemberId member, CancellationToken ct);

    /// <summary>The secret of the community's calendar feed URL; null while the feed is off.</summary>
    Task<string?> GetCalendarTokenAsync(CommunityId community, CancellationToken ct);

    /// <summary>Sets (or with null, revokes) the calendar feed's secret; false when the community is not stored.</summary>
    Task<bool> SetCalendarTokenAsync(CommunityId community, string? token, CancellationToken ct);
}
