using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Storage;

/// <summary>
/// Everything NetworkBot keeps. Every read and write names its community: data of one community is never
/// visible from another. Implemented over SQLite (NetworkBot.Storage); PostgreSQL is planned, not written yet.
/// </summary>
public interface IStore
{
    Task<Community?> GetCommunityAsync(CommunityId id, CancellationToken ct);

    /// <summary>Inserts or replaces the community's name and settings.</summary>
    Task SaveCommunityAsync(Community community, CancellationToken ct);

    Task<Member?> GetMemberAsync(CommunityId community, MemberId member, CancellationToken ct);

    /// <summary>Members whose display name equals <paramref name="displayName"/>, ignoring case.</summary>
    Task<IReadOnlyList<Member>> FindMembersByNameAsync(CommunityId community, string displayName, CancellationToken ct);

    Task<IReadOnlyList<Member>> ListMembersAsync(CommunityId community, CancellationToken ct);

    /// <summary>Inserts or replaces the member (display name, profile, coffee enrolment).</summary>
    Task SaveMemberAsync(Member member, CancellationToken ct);

    /// <summary>Inserts or replaces many members in one transaction.</summary>
    Task SaveMembersAsync(IReadOnlyList<Member> members, CancellationToken ct);

    /// <summary>Returns false when the block already existed.</summary>
    Task<bool> AddBlockAsync(CommunityId community, Block block, CancellationToken ct);

    /// <summary>Returns false when there was no such block.</summary>
    Task<bool> RemoveBlockAsync(CommunityId community, Block block, CancellationToken ct);

    /// <summary>The members <paramref name="blocker"/> blocked.</summary>
    Task<IReadOnlyList<MemberId>> ListBlockedAsync(CommunityId community, MemberId blocker, CancellationToken ct);

    /// <summary>Every block in the community (for pairing).</summary>
    Task<IReadOnlyList<Block>> ListBlocksAsync(CommunityId community, CancellationToken ct);

    /// <summary>Inserts or replaces an interest group.</summary>
    Task SaveInterestAsync(Interest interest, CancellationToken ct);

    /// <summary>The interest group with this name, ignoring case, archived or not.</summary>
    Task<Interest?> GetInterestByNameAsync(CommunityId community, string name, CancellationToken ct);

    Task<IReadOnlyList<Interest>> ListInterestsAsync(CommunityId community, bool includeArchived, CancellationToken ct);

    /// <summary>Returns false when the member was already in the group.</summary>
    Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct);

    /// <summary>Returns false when the member was not in the group.</summary>
    Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct);

    /// <summary>Adds the member and queues <paramref name="messages"/> in one transaction; false when the member was already in the group.</summary>
    Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Removes the member and queues <paramref name="messages"/> in one transaction; false when the member was not in the group.</summary>
    Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    Task<IReadOnlyList<MemberId>> ListInterestMembersAsync(CommunityId community, InterestId interest, CancellationToken ct);

    /// <summary>For each member of the community, the names of the (unarchived) interest groups they joined.</summary>
    Task<IReadOnlyDictionary<MemberId, IReadOnlyList<string>>> ListInterestGroupNamesByMemberAsync(CommunityId community, CancellationToken ct);

    /// <summary>
    /// Stores a round, its groups and the messages it causes in one transaction, and clears the
    /// skip-next flag of every joined member of the community (their skip was used by this round).
    /// </summary>
    Task SaveRoundAsync(RoundRecord round, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>The newest <paramref name="limit"/> rounds of the community, oldest first.</summary>
    Task<IReadOnlyList<RoundRecord>> ListRoundsAsync(CommunityId community, int limit, CancellationToken ct);

    /// <summary>The newest <paramref name="limit"/> rounds the member was grouped in, newest first, each with the member's group only.</summary>
    Task<IReadOnlyList<RoundRecord>> ListMemberRoundsAsync(CommunityId community, MemberId member, int limit, CancellationToken ct);

    /// <summary>Adds messages to the outbox; a message whose (community, key) is already there is ignored.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Undelivered messages due at <paramref name="now"/>, oldest first, across communities.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListDueOutboxAsync(DateTimeOffset now, int max, CancellationToken ct);

    Task MarkDeliveredAsync(long outboxId, string? messageRef, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Records what a delivery attempt already did (a Discord thread it created), so a later attempt of the same
    /// message, even after a crash, continues from there instead of doing it twice. See <see cref="OutboxMessage.Progress"/>.
    /// </summary>
    Task SaveOutboxProgressAsync(long outboxId, string progress, CancellationToken ct);

    /// <summary>Records a failed attempt; the message is due again at <paramref name="retryAt"/>, or never when null.</summary>
    Task MarkAttemptFailedAsync(long outboxId, string reason, DateTimeOffset? retryAt, CancellationToken ct);

    /// <summary>The community's coffee schedule (active or cancelled), or null when none was ever set.</summary>
    Task<CoffeeSchedule?> GetScheduleAsync(CommunityId community, CancellationToken ct);

    /// <summary>Every active schedule, across communities (the scheduler's work list).</summary>
    Task<IReadOnlyList<CoffeeSchedule>> ListActiveSchedulesAsync(CancellationToken ct);

    /// <summary>Inserts or replaces the community's schedule and enqueues the messages it causes, in one transaction.</summary>
    Task SaveScheduleAsync(CoffeeSchedule schedule, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>The round with all its groups.</summary>
    Task<RoundRecord?> GetRoundAsync(CommunityId community, RoundId round, CancellationToken ct);

    /// <summary>Rounds with an <see cref="Round.EndsAt"/> that are not closed yet, across communities, oldest first.</summary>
    Task<IReadOnlyList<RoundRecord>> ListOpenRoundsAsync(CancellationToken ct);

    /// <summary>The round a group belongs to, with that group only; null when the community has no such group.</summary>
    Task<RoundRecord?> FindGroupAsync(CommunityId community, GroupId group, CancellationToken ct);

    /// <summary>Stores the round's phase times and enqueues the messages the phase causes, in one transaction.</summary>
    Task UpdateRoundAsync(Round round, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Adds a late joiner to a group (at the end) and enqueues the messages it causes, in one transaction.</summary>
    Task AddGroupMemberAsync(CommunityId community, GroupId group, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>
    /// Stores a member's answer (replacing an earlier one), sets the group's outcome, and adds connections
    /// (a connection already there is kept with its first date), in one transaction.
    /// </summary>
    Task RecordAnswerAsync(CommunityId community, GroupAnswer answer, MeetingOutcome groupOutcome, IReadOnlyList<Connection> connections, CancellationToken ct);

    /// <summary>Every answer given in the round's groups.</summary>
    Task<IReadOnlyList<GroupAnswer>> ListAnswersAsync(CommunityId community, RoundId round, CancellationToken ct);

    /// <summary>The member's connections, newest first.</summary>
    Task<IReadOnlyList<Connection>> ListConnectionsAsync(CommunityId community, MemberId member, CancellationToken ct);

    /// <summary>How many connections of the community were made at or after <paramref name="since"/>.</summary>
    Task<int> CountConnectionsSinceAsync(CommunityId community, DateTimeOffset since, CancellationToken ct);

    /// <summary>
    /// Closes a round: stores its phase times, the members' updated coffee enrolment (missed rounds, pauses) and
    /// enqueues the summary and pause messages, in one transaction.
    /// </summary>
    Task CloseRoundAsync(Round round, IReadOnlyList<Member> members, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    Task<Event?> GetEventAsync(CommunityId community, EventId id, CancellationToken ct);

    /// <summary>The community's events that are not finished, soonest first; cancelled ones only when <paramref name="includeCancelled"/>.</summary>
    Task<IReadOnlyList<Event>> ListEventsAsync(CommunityId community, bool includeCancelled, CancellationToken ct);

    /// <summary>
    /// Every event of the community starting at or after <paramref name="since"/>, finished and cancelled ones too, soonest
    /// first: what a subscribed calendar keeps showing once an event is over.
    /// </summary>
    Task<IReadOnlyList<Event>> ListCalendarEventsAsync(CommunityId community, DateTimeOffset since, CancellationToken ct);

    /// <summary>Every event neither cancelled nor finished, across communities, soonest first (the event scheduler's work list).</summary>
    Task<IReadOnlyList<Event>> ListActiveEventsAsync(CancellationToken ct);

    /// <summary>
    /// Inserts or replaces the event, moves waitlisted members up into places it now has free (its capacity was
    /// raised), and enqueues <paramref name="messages"/> and those <paramref name="promoted"/> makes for them, in one
    /// transaction. A write carrying an older <see cref="Event.Sequence"/> than the stored one changes nothing of the
    /// event, so a scheduler's step never undoes a manager's edit made meanwhile.
    /// </summary>
    Task SaveEventAsync(Event ev, IReadOnlyList<OutboxMessage> messages, Func<IReadOnlyList<MemberId>, IReadOnlyList<OutboxMessage>> promoted, CancellationToken ct);

    /// <summary>
    /// Ends the occurrence that started at <paramref name="occurrence"/>, in one transaction: records who attended,
    /// forgets the answers, stores <paramref name="updated"/> (finished, or moved on to its next occurrence) and
    /// enqueues the messages it causes (the follow-up, the next announcement).
    /// </summary>
    Task CloseOccurrenceAsync(Event updated, DateTimeOffset occurrence, IReadOnlyList<MemberId> attendees, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Everyone recorded as attending any occurrence of the event.</summary>
    Task<IReadOnlyList<MemberId>> ListAttendeesAsync(CommunityId community, EventId ev, CancellationToken ct);

    /// <summary>
    /// Records that <paramref name="from"/> wants to connect with <paramref name="to"/> after the event; when
    /// <paramref name="to"/> already asked the same, adds their connection too, in one transaction. True when connected.
    /// </summary>
    Task<bool> WishConnectionAsync(CommunityId community, EventId ev, MemberId from, MemberId to, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records that <paramref name="member"/> wants to be paired with each of <paramref name="others"/> in coffee rounds.</summary>
    Task SavePairWishesAsync(CommunityId community, MemberId member, IReadOnlyList<MemberId> others, DateTimeOffset at, CancellationToken ct);

    /// <summary>Every open pair wish of the community, as (member, other).</summary>
    Task<IReadOnlyList<(MemberId Member, MemberId Other)>> ListPairWishesAsync(CommunityId community, CancellationToken ct);

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

    /// <summary>
    /// A bot-wide value an adapter keeps across restarts, such as the hash of the command table it last registered
    /// (<c>discord:commands:global</c>). Holds no member data; null when never set.
    /// </summary>
    Task<string?> GetPlatformStateAsync(string key, CancellationToken ct);

    Task SetPlatformStateAsync(string key, string value, DateTimeOffset at, CancellationToken ct);
}
