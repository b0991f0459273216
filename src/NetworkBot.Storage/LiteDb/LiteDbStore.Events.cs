using System.Globalization;
using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Outbox;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// Events and their answers, as <see cref="RelationalStore"/> keeps them: the waitlist is in the answers themselves, a
/// <c>Waitlisted</c> answer at a <c>waitlist_position</c> one past the last one waiting. An answer's <c>status_key</c>
/// (its event, its status and, while waiting, its position) puts an event's answers of one status in one range of an
/// index, the waitlist in order, so an answer counts those going and finds the waitlist's ends without reading the
/// event's other answers. Answers are decided on the one writer thread, so two members never both take the last place.
/// </remarks>
public sealed partial class LiteDbStore
{
    public Task<Event?> GetEventAsync(CommunityId community, EventId id, CancellationToken ct) =>
        ReadAsync(db => Collection(db, LiteDbCollections.Events).FindById(LiteDbKey.Of(community.Value, id.Value)) is { } d ? ReadEvent(d) : null, ct);

    public Task<IReadOnlyList<Event>> ListEventsAsync(CommunityId community, bool includeCancelled, CancellationToken ct) =>
        ReadAsync(
            db => OrderedEvents(InCommunity(db, LiteDbCollections.Events, community)
                .Where(d => !d["finished"].AsBoolean && (includeCancelled || !d["cancelled"].AsBoolean))),
            ct);

    public Task<IReadOnlyList<Event>> ListCalendarEventsAsync(CommunityId community, DateTimeOffset since, CancellationToken ct)
    {
        var from = TextValues.Instant(since);
        return ReadAsync(
            db => OrderedEvents(InCommunity(db, LiteDbCollections.Events, community)
                .Where(d => string.CompareOrdinal(d["start_at"].AsString, from) >= 0)),
            ct);
    }

    /// <summary>
    /// Across communities, by design: this is the event scheduler's work list, read from the index of events still to
    /// come alone (text sorts after null, so cancelled and finished events are left out). Ordered by community id.
    /// </summary>
    public Task<IReadOnlyList<CommunityId>> ListEventCommunitiesAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<CommunityId>>(
            db => [.. Collection(db, LiteDbCollections.Events).Query()
                .Where(Query.GTE("active_community_id", string.Empty))
                .Select("active_community_id")
                .ToEnumerable()
                .Select(d => d["active_community_id"].AsString)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(c => new CommunityId(c))],
            ct);

    public Task SaveEventAsync(
        Event ev, IReadOnlyList<OutboxMessage> messages, Func<IReadOnlyList<MemberId>, IReadOnlyList<OutboxMessage>> promoted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(promoted);
        return WriteAsync(
            db =>
            {
                UpsertEvent(db, ev);
                var free = ev.Capacity is { } places ? places - CountGoing(db, ev.Community, ev.Id) : int.MaxValue;
                var moved = free > 0 ? Promote(db, ev.Community, ev.Id, free) : [];
                Enqueue(db, [.. messages, .. promoted(moved)]);
            },
            ct);
    }

    public Task CloseOccurrenceAsync(
        Event updated, DateTimeOffset occurrence, IReadOnlyList<MemberId> attendees, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentNullException.ThrowIfNull(messages);
        var (community, ev) = (updated.Community.Value, updated.Id.Value);
        var at = TextValues.Instant(occurrence);
        return WriteAsync(
            db =>
            {
                UpsertEvent(db, updated);
                var attended = Collection(db, LiteDbCollections.EventAttendees);
                foreach (var member in attendees)
                {
                    attended.Upsert(new BsonDocument
                    {
                        ["_id"] = LiteDbKey.Of(community, ev, at, member.Value),
                        ["community_id"] = LiteDbValues.Text(community),
                        ["event_id"] = LiteDbValues.Text(ev),
                        ["occurrence"] = at,
                        ["member_id"] = LiteDbValues.Text(member.Value),
                    });
                }

                Collection(db, LiteDbCollections.Rsvps).DeleteMany(LiteDbQuery.KeyPrefix(community, ev));
                Enqueue(db, messages);
            },
            ct);
    }

    public Task<IReadOnlyList<MemberId>> ListAttendeesAsync(CommunityId community, EventId ev, CancellationToken ct) =>
        ReadAsync(db => MemberIdsWithKeyPrefix(db, LiteDbCollections.EventAttendees, "member_id", community.Value, ev.Value),
            ct);

    public Task<IReadOnlyList<EventAttendance>> ListAttendanceAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<EventAttendance>>(
            db => [.. InCommunity(db, LiteDbCollections.EventAttendees, community)
                .Select(d => new EventAttendance(new EventId(d.GetRequiredText("event_id")), d.GetInstant("occurrence"), new MemberId(d.GetRequiredText("member_id"))))
                .OrderBy(a => a.Occurrence)
                .ThenBy(a => a.Event.Value, StringComparer.Ordinal)
                .ThenBy(a => a.Member.Value, StringComparer.Ordinal)],
            ct);

    /// <summary>A community's presses are a range of <c>_id</c>, which begins with the community.</summary>
    public Task<IReadOnlyList<EventConnect>> ListEventConnectsAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<EventConnect>>(
            db => [.. WithKeyPrefix(db, LiteDbCollections.EventConnects, community.Value)
                .Select(d => new EventConnect(
                    new EventId(d.GetRequiredText("event_id")),
                    new MemberId(d.GetRequiredText("from_member")),
                    new MemberId(d.GetRequiredText("to_member")),
                    d.GetInstant("pressed_at")))
                .OrderBy(c => c.PressedAt)
                .ThenBy(c => c.Event.Value, StringComparer.Ordinal)
                .ThenBy(c => c.From.Value, StringComparer.Ordinal)
                .ThenBy(c => c.To.Value, StringComparer.Ordinal)],
            ct);

    public Task<RsvpOutcome> RespondAsync(
        CommunityId community, EventId ev, MemberId member, RsvpStatus wanted, DateTimeOffset at,
        Func<RsvpOutcome, IReadOnlyList<OutboxMessage>> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync(
            db =>
            {
                var capacity = Collection(db, LiteDbCollections.Events).FindById(LiteDbKey.Of(community.Value, ev.Value)) is { } stored
                    ? stored["capacity"] is { IsNull: false } c ? c.AsInt32 : (int?)null
                    : throw new InvalidOperationException($"Community {community} has no event {ev}.");
                var rsvps = Collection(db, LiteDbCollections.Rsvps);
                var current = rsvps.FindById(LiteDbKey.Of(community.Value, ev.Value, member.Value)) is { } d ? ReadRsvp(d) : null;
                var going = capacity is null ? 0 : CountGoing(db, community, ev);
                var lastWaitlisted = rsvps.Query()
                    .Where(LiteDbQuery.Prefix("status_key", community.Value, ev.Value, nameof(RsvpStatus.Waitlisted)))
                    .OrderByDescending("status_key")
                    .Limit(1)
                    .FirstOrDefault()?["waitlist_position"].AsInt64;
                var status = wanted;
                long? position = null;
                if (wanted == RsvpStatus.Going && current?.Status is RsvpStatus.Going or RsvpStatus.Waitlisted)
                {
                    status = current.Status;
                    position = current.WaitlistPosition;
                }
                else if (wanted == RsvpStatus.Going && capacity is { } places && going >= places)
                {
                    status = RsvpStatus.Waitlisted;
                    position = lastWaitlisted is { } last ? last + 1 : 1;
                }

                // "Maybe" is written even when unchanged: answered here, it is no longer the platform's "Interested".
                if (current is null || current.Status != status || status == RsvpStatus.Maybe)
                {
                    rsvps.Upsert(RsvpDocument(community, ev, member, status, at, position, fromPlatform: false));
                }

                // Places free once this answer is written; the waitlist moves up only into those.
                going += (status == RsvpStatus.Going ? 1 : 0) - (current?.Status == RsvpStatus.Going ? 1 : 0);
                var free = capacity is { } seats ? Math.Max(0, seats - going) : int.MaxValue;
                var promoted = free > 0 && (lastWaitlisted is not null || status == RsvpStatus.Waitlisted) ? Promote(db, community, ev, free) : [];
                var outcome = new RsvpOutcome(promoted.Contains(member) ? RsvpStatus.Going : status, promoted);
                Enqueue(db, messages(outcome));
                return outcome;
            },
            ct);
    }

    /// <summary>Only this writes <c>platform_ref</c> (and its index key): a save of an older copy of the event never forgets it.</summary>
    public Task SetEventPlatformRefAsync(CommunityId community, EventId ev, string? platformRef, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var events = Collection(db, LiteDbCollections.Events);
                if (events.FindById(LiteDbKey.Of(community.Value, ev.Value)) is { } stored)
                {
                    stored["platform_ref"] = LiteDbValues.Text(platformRef);
                    stored["platform_key"] = platformRef is null ? BsonValue.Null : LiteDbKey.Of(community.Value, platformRef);
                    events.Update(stored);
                }
            },
            ct);

    public Task<Event?> FindEventByPlatformRefAsync(CommunityId community, string platformRef, CancellationToken ct) =>
        FindByCommunityKeyAsync(LiteDbCollections.Events, "platform_key", community, platformRef, ReadEvent, ct);

    /// <summary>An event the community does not have is refused, as the SQL schema's foreign key refuses it.</summary>
    public Task<bool> AddPlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, DateTimeOffset at, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                if (Collection(db, LiteDbCollections.Events).FindById(LiteDbKey.Of(community.Value, ev.Value)) is null)
                {
                    throw new LiteDbIntegrityException($"Community {community} has no event {ev} to answer.");
                }

                var rsvps = Collection(db, LiteDbCollections.Rsvps);
                if (rsvps.FindById(LiteDbKey.Of(community.Value, ev.Value, member.Value)) is not null)
                {
                    return false;
                }

                rsvps.Insert(RsvpDocument(community, ev, member, RsvpStatus.Maybe, at, position: null, fromPlatform: true));
                return true;
            },
            ct);

    public Task<bool> RemovePlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var rsvps = Collection(db, LiteDbCollections.Rsvps);
                var key = LiteDbKey.Of(community.Value, ev.Value, member.Value);
                return rsvps.FindById(key) is { } stored
                    && stored["status"].AsString == nameof(RsvpStatus.Maybe)
                    && stored["from_platform"].AsBoolean
                    && rsvps.Delete(key);
            },
            ct);

    /// <summary>An event's answers: going, maybe, not going, then the waitlist in order.</summary>
    public Task<IReadOnlyList<Rsvp>> ListRsvpsAsync(CommunityId community, EventId ev, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Rsvp>>(
            db => [.. WithKeyPrefix(db, LiteDbCollections.Rsvps, community.Value, ev.Value)
                .Select(ReadRsvp)
                .OrderBy(r => r.Status switch { RsvpStatus.Going => 0, RsvpStatus.Maybe => 1, RsvpStatus.NotGoing => 2, _ => 3 })
                .ThenBy(r => r.WaitlistPosition)
                .ThenBy(r => r.AnsweredAt)
                .ThenBy(r => r.Member.Value, StringComparer.Ordinal)],
            ct);

    public Task<IReadOnlyList<Rsvp>> ListMemberRsvpsAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Rsvp>>(
            db => [.. Collection(db, LiteDbCollections.Rsvps).Find(LiteDbQuery.Equal("member_key", LiteDbKey.Of(community.Value, member.Value)))
                .Select(ReadRsvp)
                .OrderBy(r => r.AnsweredAt)
                .ThenBy(r => r.Event.Value, StringComparer.Ordinal)],
            ct);

    public Task<string?> GetCalendarTokenAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync(db => Collection(db, LiteDbCollections.Communities).FindById(LiteDbKey.Of(community.Value))?.GetText("calendar_token"), ct);

    public Task<bool> SetCalendarTokenAsync(CommunityId community, string? token, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var communities = Collection(db, LiteDbCollections.Communities);
                if (communities.FindById(LiteDbKey.Of(community.Value)) is not { } stored)
                {
                    return false;
                }

                stored["calendar_token"] = LiteDbValues.Text(token);
                return communities.Update(stored);
            },
            ct);

    private static IReadOnlyList<Event> OrderedEvents(IEnumerable<BsonDocument> documents) =>
        [.. documents.OrderBy(d => d["start_at"].AsString, StringComparer.Ordinal)
            .ThenBy(d => d["event_id"].AsString, StringComparer.Ordinal)
            .Select(ReadEvent)];

    /// <summary>
    /// Inside a write: how many of the event's answers are "going", counted in <c>status_key</c>'s index alone: selecting
    /// only the indexed field spares LiteDB reading the documents (its own <c>Count</c> reads each one).
    /// </summary>
    private static int CountGoing(LiteDatabase db, CommunityId community, EventId ev) =>
        Collection(db, LiteDbCollections.Rsvps).Query()
            .Where(LiteDbQuery.Equal("status_key", StatusKey(community, ev, RsvpStatus.Going, position: null)))
            .Select("status_key")
            .ToEnumerable()
            .Count();

    /// <summary>Inside a write: moves up to <paramref name="free"/> of the first waitlisted members to going; returns them in order.</summary>
    private static IReadOnlyList<MemberId> Promote(LiteDatabase db, CommunityId community, EventId ev, int free)
    {
        var rsvps = Collection(db, LiteDbCollections.Rsvps);
        var moving = rsvps.Find(LiteDbQuery.Prefix("status_key", community.Value, ev.Value, nameof(RsvpStatus.Waitlisted))).Take(free).ToList();
        foreach (var answer in moving)
        {
            answer["status"] = nameof(RsvpStatus.Going);
            answer["waitlist_position"] = BsonValue.Null;
            answer["status_key"] = StatusKey(community, ev, RsvpStatus.Going, position: null);
            rsvps.Update(answer);
        }

        return [.. moving.Select(d => new MemberId(d.GetRequiredText("member_id")))];
    }

    /// <summary>
    /// Inside a write: inserts the event, or replaces the stored one while it is still at the version <paramref name="ev"/>
    /// was read at, keeping what only its first save or <see cref="SetEventPlatformRefAsync"/> sets (author, creation,
    /// platform ref), as the SQL providers' upsert does.
    /// </summary>
    private static void UpsertEvent(LiteDatabase db, Event ev)
    {
        var events = Collection(db, LiteDbCollections.Events);
        var key = LiteDbKey.Of(ev.Community.Value, ev.Id.Value);
        var stored = events.FindById(key);
        RequireVersion(stored, ev.Version, $"Event {ev.Id} of {ev.Community}", mustExist: false);
        events.Upsert(new BsonDocument
        {
            ["_id"] = key,
            ["community_id"] = LiteDbValues.Text(ev.Community.Value),
            ["event_id"] = LiteDbValues.Text(ev.Id.Value),
            ["title"] = LiteDbValues.Text(ev.Title),
            ["description"] = LiteDbValues.Text(ev.Description),
            ["start_at"] = LiteDbValues.Instant(ev.Start),
            ["duration_ticks"] = ev.Duration.Ticks,
            ["time_zone"] = LiteDbValues.Text(ev.TimeZone),
            ["place"] = LiteDbValues.Text(ev.Place),
            ["capacity"] = ev.Capacity is { } capacity ? capacity : BsonValue.Null,
            ["cancelled"] = ev.Cancelled,
            ["repeat_cadence"] = LiteDbValues.Text(ev.Repeat?.Cadence.ToString()),
            ["repeat_interval_weeks"] = ev.Repeat?.IntervalWeeks ?? 1,
            ["repeat_week_of_month"] = ev.Repeat?.WeekOfMonth ?? 0,
            ["reminders"] = string.Join(',', ev.Reminders.Select(r => ((long)r.TotalMinutes).ToString(CultureInfo.InvariantCulture))),
            ["remind_maybe"] = ev.RemindMaybe,
            ["channel"] = LiteDbValues.Text(ev.Channel),
            ["mention_role"] = LiteDbValues.Text(ev.MentionRole),
            ["created_by"] = stored is null ? LiteDbValues.Text(ev.CreatedBy?.Value) : stored["created_by"],
            ["created_at"] = stored is null ? LiteDbValues.Instant(ev.CreatedAt) : stored["created_at"],
            ["sequence"] = ev.Sequence,
            ["reminded_for"] = LiteDbValues.Instant(ev.RemindedFor),
            ["finished"] = ev.Finished,
            ["icebreaker"] = ev.Icebreaker,
            ["icebreaker_for"] = LiteDbValues.Instant(ev.IcebreakerFor),
            ["platform_ref"] = stored?["platform_ref"] ?? BsonValue.Null,
            ["version"] = stored is null ? ev.Version : stored["version"].AsInt32 + 1,

            // Index keys (LiteDbSchema): the community while the event is still to come; the platform ref within its community.
            ["active_community_id"] = ev.Cancelled || ev.Finished ? BsonValue.Null : LiteDbValues.Text(ev.Community.Value),
            ["platform_key"] = stored?["platform_key"] ?? BsonValue.Null,
        });
    }

    private static BsonDocument RsvpDocument(
        CommunityId community, EventId ev, MemberId member, RsvpStatus status, DateTimeOffset at, long? position, bool fromPlatform) => new()
    {
        ["_id"] = LiteDbKey.Of(community.Value, ev.Value, member.Value),
        ["community_id"] = LiteDbValues.Text(community.Value),
        ["event_id"] = LiteDbValues.Text(ev.Value),
        ["member_id"] = LiteDbValues.Text(member.Value),
        ["status"] = status.ToString(),
        ["answered_at"] = LiteDbValues.Instant(at),
        ["waitlist_position"] = position is { } p ? p : BsonValue.Null,
        ["from_platform"] = fromPlatform,

        // Index keys (LiteDbSchema): the event's answers of one status, waitlist in order; the member's answers.
        ["status_key"] = StatusKey(community, ev, status, position),
        ["member_key"] = LiteDbKey.Of(community.Value, member.Value),
    };

    /// <summary>The answer's event and status, then its waitlist position zero-padded, so the index orders the waitlist as positions.</summary>
    private static string StatusKey(CommunityId community, EventId ev, RsvpStatus status, long? position) =>
        position is { } p
            ? LiteDbKey.Of(community.Value, ev.Value, status.ToString(), p.ToString("D19", CultureInfo.InvariantCulture))
            : LiteDbKey.Of(community.Value, ev.Value, status.ToString());

    private static Event ReadEvent(BsonDocument d) =>
        new(
            new CommunityId(d.GetRequiredText("community_id")),
            new EventId(d.GetRequiredText("event_id")),
            d.GetRequiredText("title"),
            d.GetText("description"),
            d.GetInstant("start_at"),
            TimeSpan.FromTicks(d["duration_ticks"].AsInt64),
            d.GetRequiredText("time_zone"),
            d.GetText("place"),
            d["capacity"] is { IsNull: false } capacity ? capacity.AsInt32 : null,
            d["cancelled"].AsBoolean)
        {
            Repeat = d["repeat_cadence"].IsNull
                ? null
                : new EventRepeat(d.GetEnum<CadenceKind>("repeat_cadence"), d["repeat_interval_weeks"].AsInt32, d["repeat_week_of_month"].AsInt32),
            Reminders = d.GetRequiredText("reminders").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(m => TimeSpan.FromMinutes(long.Parse(m, CultureInfo.InvariantCulture)))
                .ToList(),
            RemindMaybe = d["remind_maybe"].AsBoolean,
            Channel = d.GetText("channel"),
            MentionRole = d.GetText("mention_role"),
            CreatedBy = d.GetText("created_by") is { } author ? new MemberId(author) : null,
            CreatedAt = d.GetInstant("created_at"),
            Sequence = d["sequence"].AsInt32,
            RemindedFor = d.GetNullableInstant("reminded_for"),
            Finished = d["finished"].AsBoolean,
            Icebreaker = d["icebreaker"].AsBoolean,
            IcebreakerFor = d.GetNullableInstant("icebreaker_for"),
            PlatformRef = d.GetText("platform_ref"),
            Version = d["version"].AsInt32,
        };

    private static Rsvp ReadRsvp(BsonDocument d) =>
        new(new EventId(d.GetRequiredText("event_id")), new MemberId(d.GetRequiredText("member_id")), d.GetEnum<RsvpStatus>("status"), d.GetInstant("answered_at"))
        {
            WaitlistPosition = d["waitlist_position"] is { IsNull: false } position ? position.AsInt64 : null,
        };
}
