using System.Globalization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// Events and their answers. The waitlist is kept in the answers themselves: a <c>Waitlisted</c> row with a
/// <c>waitlist_position</c> one past the last one waiting, so the order is arrival order even when two
/// answers share an instant. Deciding "going or waitlisted" and moving people up happen inside one write transaction
/// holding the event's row (<see cref="CapacityAsync"/>), so two members pressing "going" for the last place at once
/// cannot both get it.
/// </remarks>
public abstract partial class RelationalStore
{
    private const string EventColumns =
        "community_id, event_id, title, description, start_at, duration_ticks, time_zone, place, capacity, cancelled, "
        + "repeat_cadence, repeat_interval_weeks, repeat_week_of_month, reminders, remind_maybe, channel, mention_role, created_by, "
        + "COALESCE(created_at, start_at), sequence, reminded_for, finished, icebreaker, icebreaker_for, platform_ref, version";

    private const string RsvpColumns = "event_id, member_id, status, answered_at, waitlist_position";

    /// <summary>An event's answers: going, maybe, not going, then the waitlist in order.</summary>
    private const string SelectEventRsvps = $"""
        SELECT {RsvpColumns} FROM rsvps WHERE community_id = @community AND event_id = @event
        ORDER BY CASE status WHEN 'Going' THEN 0 WHEN 'Maybe' THEN 1 WHEN 'NotGoing' THEN 2 ELSE 3 END, waitlist_position, answered_at, member_id
        """;

    public Task<Event?> GetEventAsync(CommunityId community, EventId id, CancellationToken ct) =>
        QueryFirstAsync(
            $"SELECT {EventColumns} FROM events WHERE community_id = @community AND event_id = @event",
            [("community", community.Value), ("event", id.Value)],
            ReadEvent,
            ct);

    public Task<IReadOnlyList<Event>> ListEventsAsync(CommunityId community, bool includeCancelled, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT {EventColumns} FROM events
            WHERE community_id = @community AND finished = {False} AND (cancelled = {False} OR @include_cancelled = {True})
            ORDER BY start_at, event_id
            """,
            [("community", community.Value), ("include_cancelled", includeCancelled)],
            ReadEvent,
            ct);

    public Task<IReadOnlyList<Event>> ListCalendarEventsAsync(CommunityId community, DateTimeOffset since, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT {EventColumns} FROM events
            WHERE community_id = @community AND start_at >= @since
            ORDER BY start_at, event_id
            """,
            [("community", community.Value), ("since", since)],
            ReadEvent,
            ct);

    /// <summary>Across communities, by design: this is the event scheduler's work list. Ordered by community id.</summary>
    public Task<IReadOnlyList<CommunityId>> ListEventCommunitiesAsync(CancellationToken ct) =>
        QueryAsync(
            $"SELECT DISTINCT community_id FROM events WHERE cancelled = {False} AND finished = {False} ORDER BY community_id",
            [],
            r => new CommunityId(r.GetString(0)),
            ct);

    public Task SaveEventAsync(
        Event ev, IReadOnlyList<OutboxMessage> messages, Func<IReadOnlyList<MemberId>, IReadOnlyList<OutboxMessage>> promoted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(promoted);
        return InTransactionAsync(
            async transaction =>
            {
                await UpsertEventAsync(transaction, ev, ct).ConfigureAwait(false);
                var moved = await PromoteAsync(transaction, ev.Community, ev.Id, ct).ConfigureAwait(false);
                await InsertOutboxAsync(transaction, [.. messages, .. promoted(moved)], ct).ConfigureAwait(false);
            },
            ct);
    }

    public Task CloseOccurrenceAsync(
        Event updated, DateTimeOffset occurrence, IReadOnlyList<MemberId> attendees, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentNullException.ThrowIfNull(messages);
        (string, object?)[] key = [("community", updated.Community.Value), ("event", updated.Id.Value)];
        return InTransactionAsync(
            async transaction =>
            {
                await UpsertEventAsync(transaction, updated, ct).ConfigureAwait(false);
                foreach (var member in attendees)
                {
                    await transaction.ExecuteAsync(
                        """
                        INSERT INTO event_attendees (community_id, event_id, occurrence, member_id)
                        VALUES (@community, @event, @occurrence, @member)
                        ON CONFLICT DO NOTHING
                        """, [.. key, ("occurrence", occurrence), ("member", member.Value)],
                        ct).ConfigureAwait(false);
                }

                await transaction.ExecuteAsync("DELETE FROM rsvps WHERE community_id = @community AND event_id = @event", key, ct).ConfigureAwait(false);
                await InsertOutboxAsync(transaction, messages, ct).ConfigureAwait(false);
            },
            ct);
    }

    public Task<IReadOnlyList<MemberId>> ListAttendeesAsync(CommunityId community, EventId ev, CancellationToken ct) =>
        QueryAsync(
            "SELECT DISTINCT member_id FROM event_attendees WHERE community_id = @community AND event_id = @event ORDER BY member_id",
            [("community", community.Value), ("event", ev.Value)],
            ReadMemberId,
            ct);

    public Task<IReadOnlyList<EventAttendance>> ListAttendanceAsync(CommunityId community, CancellationToken ct) =>
        QueryAsync(
            "SELECT event_id, occurrence, member_id FROM event_attendees WHERE community_id = @community ORDER BY occurrence, event_id, member_id",
            [("community", community.Value)],
            r => new EventAttendance(new EventId(r.GetString(0)), r.GetInstant(1), new MemberId(r.GetString(2))),
            ct);

    public Task<IReadOnlyList<EventConnect>> ListEventConnectsAsync(CommunityId community, CancellationToken ct) =>
        QueryAsync(
            """
            SELECT event_id, from_member, to_member, pressed_at FROM event_connects WHERE community_id = @community
            ORDER BY pressed_at, event_id, from_member, to_member
            """,
            [("community", community.Value)],
            r => new EventConnect(new EventId(r.GetString(0)), new MemberId(r.GetString(1)), new MemberId(r.GetString(2)), r.GetInstant(3)),
            ct);

    public async Task<RsvpOutcome> RespondAsync(
        CommunityId community, EventId ev, MemberId member, RsvpStatus wanted, DateTimeOffset at,
        Func<RsvpOutcome, IReadOnlyList<OutboxMessage>> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        RsvpOutcome? outcome = null;
        await InTransactionAsync(
            async transaction =>
            {
                // The event's row lock comes first, in a statement of its own: answers to one event take turns, so two members
                // never both take its last place, and what is read next is read after the previous answer committed.
                var capacity = await CapacityAsync(transaction, community, ev, ct).ConfigureAwait(false);
                var answers = await EventAnswersAsync(transaction, community, ev, member, ct).ConfigureAwait(false);
                var current = answers.Current;
                var status = wanted;
                long? position = null;
                if (wanted == RsvpStatus.Going && current?.Status is RsvpStatus.Going or RsvpStatus.Waitlisted)
                {
                    status = current.Status;
                    position = current.WaitlistPosition;
                }
                else if (wanted == RsvpStatus.Going && capacity is { } places && answers.Going >= places)
                {
                    status = RsvpStatus.Waitlisted;
                    position = answers.LastWaitlisted is { } last ? last + 1 : 1;
                }

                // "Maybe" is written even when unchanged: answered here, it is no longer the platform's "Interested".
                if (current is null || current.Status != status || status == RsvpStatus.Maybe)
                {
                    await transaction.ExecuteAsync(
                        $"""
                        INSERT INTO rsvps (community_id, event_id, member_id, status, answered_at, waitlist_position)
                        VALUES (@community, @event, @member, @status, @answered_at, @position)
                        ON CONFLICT (community_id, event_id, member_id) DO UPDATE SET
                            status = excluded.status, answered_at = excluded.answered_at, waitlist_position = excluded.waitlist_position,
                            from_platform = {False}
                        """, [
                            ("community", community.Value),
                            ("event", ev.Value),
                            ("member", member.Value),
                            ("status", status.ToString()),
                            ("answered_at", at),
                            ("position", position),
                        ],
                        ct).ConfigureAwait(false);
                }

                // Places free once this answer is written; the waitlist moves up only into those.
                var going = answers.Going - (current?.Status == RsvpStatus.Going ? 1 : 0) + (status == RsvpStatus.Going ? 1 : 0);
                var free = capacity is { } seats ? Math.Max(0, seats - going) : int.MaxValue;
                var promoted = free > 0 && (answers.LastWaitlisted is not null || status == RsvpStatus.Waitlisted)
                    ? await PromoteAsync(transaction, community, ev, free, ct).ConfigureAwait(false)
                    : [];
                outcome = new RsvpOutcome(promoted.Contains(member) ? RsvpStatus.Going : status, promoted);
                await InsertOutboxAsync(transaction, messages(outcome), ct).ConfigureAwait(false);
            },
            ct).ConfigureAwait(false);
        return outcome!;
    }

    public async Task SetEventPlatformRefAsync(CommunityId community, EventId ev, string? platformRef, CancellationToken ct) =>
        await ExecuteAsync(
            "UPDATE events SET platform_ref = @ref WHERE community_id = @community AND event_id = @event",
            [("community", community.Value), ("event", ev.Value), ("ref", platformRef)],
            ct).ConfigureAwait(false);

    public Task<Event?> FindEventByPlatformRefAsync(CommunityId community, string platformRef, CancellationToken ct) =>
        QueryFirstAsync(
            $"SELECT {EventColumns} FROM events WHERE community_id = @community AND platform_ref = @ref",
            [("community", community.Value), ("ref", platformRef)],
            ReadEvent,
            ct);

    public Task<bool> AddPlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, DateTimeOffset at, CancellationToken ct) =>
        ChangesOneRowAsync(
            $"""
            INSERT INTO rsvps (community_id, event_id, member_id, status, answered_at, waitlist_position, from_platform)
            VALUES (@community, @event, @member, 'Maybe', @at, NULL, {True})
            ON CONFLICT DO NOTHING
            """,
            [("community", community.Value), ("event", ev.Value), ("member", member.Value), ("at", at)],
            ct);

    public Task<bool> RemovePlatformMaybeAsync(CommunityId community, EventId ev, MemberId member, CancellationToken ct) =>
        ChangesOneRowAsync(
            $"""
            DELETE FROM rsvps
            WHERE community_id = @community AND event_id = @event AND member_id = @member AND status = 'Maybe' AND from_platform = {True}
            """,
            [("community", community.Value), ("event", ev.Value), ("member", member.Value)],
            ct);

    public Task<IReadOnlyList<Rsvp>> ListRsvpsAsync(CommunityId community, EventId ev, CancellationToken ct) =>
        QueryAsync(
            SelectEventRsvps,
            [("community", community.Value), ("event", ev.Value)],
            ReadRsvp,
            ct);

    public Task<IReadOnlyList<Rsvp>> ListMemberRsvpsAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        QueryAsync(
            $"SELECT {RsvpColumns} FROM rsvps WHERE community_id = @community AND member_id = @member ORDER BY answered_at, event_id",
            [("community", community.Value), ("member", member.Value)],
            ReadRsvp,
            ct);

    public async Task<string?> GetCalendarTokenAsync(CommunityId community, CancellationToken ct) =>
        (await QueryAsync(
            "SELECT calendar_token FROM communities WHERE community_id = @community",
            [("community", community.Value)],
            r => r.GetNullableString(0),
            ct).ConfigureAwait(false)).FirstOrDefault();

    public async Task<bool> SetCalendarTokenAsync(CommunityId community, string? token, CancellationToken ct) =>
        await ExecuteAsync(
            "UPDATE communities SET calendar_token = @token WHERE community_id = @community",
            [("community", community.Value), ("token", token)],
            ct).ConfigureAwait(false) == 1;

    /// <summary>
    /// In one statement, after the event's lock: how many are going, the last place on the waitlist (null when nobody
    /// waits) and <paramref name="member"/>'s own answer. Each is a range of the <c>rsvps_by_status</c> index or one row,
    /// so an answer costs the same to the first and the thousandth member.
    /// </summary>
    private static async Task<(int Going, long? LastWaitlisted, Rsvp? Current)> EventAnswersAsync(
        StoreSession transaction, CommunityId community, EventId ev, MemberId member, CancellationToken ct)
    {
        var rows = await transaction.QueryAsync(
            $"""
            SELECT {RsvpColumns},
                (SELECT CAST(COUNT(*) AS integer) FROM rsvps WHERE community_id = @community AND event_id = @event AND status = 'Going'),
                (SELECT MAX(waitlist_position) FROM rsvps WHERE community_id = @community AND event_id = @event AND status = 'Waitlisted')
            FROM (SELECT 1 AS one) AS answer
            LEFT JOIN rsvps ON community_id = @community AND event_id = @event AND member_id = @member
            """,
            [("community", community.Value), ("event", ev.Value), ("member", member.Value)],
            r => (Going: r.GetInt32(5), LastWaitlisted: r.IsDBNull(6) ? (long?)null : r.GetInt64(6), Current: r.IsDBNull(1) ? null : ReadRsvp(r)),
            ct).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>Moves the first waitlisted members up while the event has free places; returns them in order.</summary>
    private async Task<IReadOnlyList<MemberId>> PromoteAsync(StoreSession transaction, CommunityId community, EventId ev, CancellationToken ct)
    {
        if (await CapacityAsync(transaction, community, ev, ct).ConfigureAwait(false) is not { } places)
        {
            return await PromoteAsync(transaction, community, ev, int.MaxValue, ct).ConfigureAwait(false);
        }

        var going = (await transaction.QueryAsync(
            "SELECT CAST(COUNT(*) AS integer) FROM rsvps WHERE community_id = @community AND event_id = @event AND status = 'Going'",
            [("community", community.Value), ("event", ev.Value)],
            r => r.GetInt32(0),
            ct).ConfigureAwait(false))[0];
        return places > going ? await PromoteAsync(transaction, community, ev, places - going, ct).ConfigureAwait(false) : [];
    }

    /// <summary>Moves up to <paramref name="free"/> of the first waitlisted members to going; returns them in order.</summary>
    private static async Task<IReadOnlyList<MemberId>> PromoteAsync(
        StoreSession transaction, CommunityId community, EventId ev, int free, CancellationToken ct)
    {
        (string, object?)[] key = [("community", community.Value), ("event", ev.Value)];
        var promoted = await transaction.QueryAsync(
            """
            SELECT member_id FROM rsvps
            WHERE community_id = @community AND event_id = @event AND status = 'Waitlisted'
            ORDER BY waitlist_position, answered_at, member_id
            LIMIT @free
            """, [.. key, ("free", free)],
            ReadMemberId,
            ct).ConfigureAwait(false);
        foreach (var member in promoted)
        {
            await transaction.ExecuteAsync(
                """
                UPDATE rsvps SET status = 'Going', waitlist_position = NULL
                WHERE community_id = @community AND event_id = @event AND member_id = @member
                """, [.. key, ("member", member.Value)],
                ct).ConfigureAwait(false);
        }

        return promoted;
    }

    /// <summary>
    /// The event's capacity, read with its row locked (<see cref="RelationalDialect.RowLock"/>) until the transaction ends,
    /// so that the places counted here are still free when the answer is written. An event the community does not have
    /// is a bug in the caller.
    /// </summary>
    private async Task<int?> CapacityAsync(StoreSession transaction, CommunityId community, EventId ev, CancellationToken ct)
    {
        var rows = await transaction.QueryAsync(
            $"SELECT capacity FROM events WHERE community_id = @community AND event_id = @event{Dialect.RowLock}", [("community", community.Value), ("event", ev.Value)],
            r => r.IsDBNull(0) ? (int?)null : r.GetInt32(0),
            ct).ConfigureAwait(false);
        return rows.Count == 1 ? rows[0] : throw new InvalidOperationException($"Community {community} has no event {ev}.");
    }

    /// <summary>Inserts the event, or replaces the stored one while it is still at the version <paramref name="ev"/> was read at.</summary>
    private async Task UpsertEventAsync(StoreSession transaction, Event ev, CancellationToken ct)
    {
        await RequireVersionAsync(
            transaction, "events", "community_id = @community AND event_id = @event",
            [("community", ev.Community.Value), ("event", ev.Id.Value)],
            ev.Version, $"Event {ev.Id} of {ev.Community}", mustExist: false, ct).ConfigureAwait(false);
        await transaction.ExecuteAsync(
            """
            INSERT INTO events (community_id, event_id, title, description, start_at, duration_ticks, time_zone, place, capacity, cancelled,
                                repeat_cadence, repeat_interval_weeks, repeat_week_of_month, reminders, remind_maybe, channel, mention_role,
                                created_by, created_at, sequence, reminded_for, finished, icebreaker, icebreaker_for, version)
            VALUES (@community, @event, @title, @description, @start_at, @duration_ticks, @time_zone, @place, @capacity, @cancelled,
                    @repeat_cadence, @repeat_interval_weeks, @repeat_week_of_month, @reminders, @remind_maybe, @channel, @mention_role,
                    @created_by, @created_at, @sequence, @reminded_for, @finished, @icebreaker, @icebreaker_for, @version)
            ON CONFLICT (community_id, event_id) DO UPDATE SET
                title = excluded.title, description = excluded.description, start_at = excluded.start_at,
                duration_ticks = excluded.duration_ticks, time_zone = excluded.time_zone, place = excluded.place,
                capacity = excluded.capacity, cancelled = excluded.cancelled, repeat_cadence = excluded.repeat_cadence,
                repeat_interval_weeks = excluded.repeat_interval_weeks, repeat_week_of_month = excluded.repeat_week_of_month,
                reminders = excluded.reminders, remind_maybe = excluded.remind_maybe, channel = excluded.channel,
                mention_role = excluded.mention_role, sequence = excluded.sequence, reminded_for = excluded.reminded_for,
                finished = excluded.finished, icebreaker = excluded.icebreaker, icebreaker_for = excluded.icebreaker_for,
                version = events.version + 1
            """, [
                ("community", ev.Community.Value),
                ("event", ev.Id.Value),
                ("title", ev.Title),
                ("description", ev.Description),
                ("start_at", ev.Start),
                ("duration_ticks", ev.Duration.Ticks),
                ("time_zone", ev.TimeZone),
                ("place", ev.Place),
                ("capacity", ev.Capacity),
                ("cancelled", ev.Cancelled),
                ("repeat_cadence", ev.Repeat?.Cadence.ToString()),
                ("repeat_interval_weeks", ev.Repeat?.IntervalWeeks ?? 1),
                ("repeat_week_of_month", ev.Repeat?.WeekOfMonth ?? 0),
                ("reminders", string.Join(',', ev.Reminders.Select(r => ((long)r.TotalMinutes).ToString(CultureInfo.InvariantCulture)))),
                ("remind_maybe", ev.RemindMaybe),
                ("channel", ev.Channel),
                ("mention_role", ev.MentionRole),
                ("created_by", ev.CreatedBy?.Value),
                ("created_at", ev.CreatedAt),
                ("sequence", ev.Sequence),
                ("reminded_for", ev.RemindedFor),
                ("finished", ev.Finished),
                ("icebreaker", ev.Icebreaker),
                ("icebreaker_for", ev.IcebreakerFor),
                ("version", ev.Version),
            ],
            ct).ConfigureAwait(false);
    }

    private static Event ReadEvent(StoredRow r) =>
        new(
            new CommunityId(r.GetString(0)),
            new EventId(r.GetString(1)),
            r.GetString(2),
            r.GetNullableString(3),
            r.GetInstant(4),
            TimeSpan.FromTicks(r.GetInt64(5)),
            r.GetString(6),
            r.GetNullableString(7),
            r.IsDBNull(8) ? null : r.GetInt32(8),
            r.GetFlag(9))
        {
            Repeat = r.IsDBNull(10) ? null : new EventRepeat(r.GetEnum<CadenceKind>(10), r.GetInt32(11), r.GetInt32(12)),
            Reminders = r.GetString(13).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(m => TimeSpan.FromMinutes(long.Parse(m, CultureInfo.InvariantCulture)))
                .ToList(),
            RemindMaybe = r.GetFlag(14),
            Channel = r.GetNullableString(15),
            MentionRole = r.GetNullableString(16),
            CreatedBy = r.GetNullableString(17) is { } author ? new MemberId(author) : null,
            CreatedAt = r.GetInstant(18),
            Sequence = r.GetInt32(19),
            RemindedFor = r.GetNullableInstant(20),
            Finished = r.GetFlag(21),
            Icebreaker = r.GetFlag(22),
            IcebreakerFor = r.GetNullableInstant(23),
            PlatformRef = r.GetNullableString(24),
            Version = r.GetInt32(25),
        };

    private static Rsvp ReadRsvp(StoredRow r) =>
        new(new EventId(r.GetString(0)), new MemberId(r.GetString(1)), r.GetEnum<RsvpStatus>(2), r.GetInstant(3))
        {
            WaitlistPosition = r.IsDBNull(4) ? null : r.GetInt64(4),
        };
}
