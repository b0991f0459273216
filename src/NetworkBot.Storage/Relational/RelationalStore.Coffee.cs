using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// Coffee chats: schedules, blocks and pair wishes here; rounds and their groups in <c>RelationalStore.Coffee.Rounds.cs</c>,
/// what happens to a round after it is saved in <c>RelationalStore.Coffee.Lifecycle.cs</c>.
/// One schedule row per community; cancelling keeps the row with <c>active</c> false. The weekday and the
/// other enums are stored by name, the time of day and the start date as the provider stores them
/// (<see cref="RelationalDialect"/>).
/// </remarks>
public abstract partial class RelationalStore
{
    private const string ScheduleColumns =
        "community_id, cadence, interval_weeks, week_of_month, weekday, time, time_zone, starts_on, group_size, mode, "
        + "cooldown_rounds, channel, active, notice_sent_for, last_round_for, version";

    public Task<CoffeeSchedule?> GetScheduleAsync(CommunityId community, CancellationToken ct) =>
        QueryFirstAsync(
            $"SELECT {ScheduleColumns} FROM coffee_schedules WHERE community_id = @community",
            [("community", community.Value)],
            ReadSchedule,
            ct);

    /// <summary>Across communities, by design: this is the scheduler's work list. Ordered by community id.</summary>
    public Task<IReadOnlyList<CommunityId>> ListCoffeeCommunitiesAsync(CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT community_id FROM coffee_schedules WHERE active = {True}
            UNION
            SELECT community_id FROM rounds WHERE ends_at IS NOT NULL AND closed_at IS NULL
            ORDER BY community_id
            """,
            [],
            r => new CommunityId(r.GetString(0)),
            ct);

    public Task SaveScheduleAsync(CoffeeSchedule schedule, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(messages);
        return InTransactionAsync(
            async transaction =>
            {
                await UpsertScheduleAsync(transaction, schedule, ct).ConfigureAwait(false);
                await InsertOutboxAsync(transaction, messages, ct).ConfigureAwait(false);
            },
            ct);
    }

    /// <summary>Inserts the schedule, or replaces the stored one while it is still at the version <paramref name="schedule"/> was read at.</summary>
    private async Task UpsertScheduleAsync(StoreSession transaction, CoffeeSchedule schedule, CancellationToken ct)
    {
        await RequireVersionAsync(
            transaction, "coffee_schedules", "community_id = @community", [("community", schedule.Community.Value)],
            schedule.Version, $"The coffee schedule of {schedule.Community}", mustExist: false, ct).ConfigureAwait(false);
        await transaction.ExecuteAsync(
            $"""
            INSERT INTO coffee_schedules ({ScheduleColumns})
            VALUES (@community, @cadence, @interval_weeks, @week_of_month, @weekday, @time, @time_zone, @starts_on, @group_size, @mode,
                    @cooldown_rounds, @channel, @active, @notice_sent_for, @last_round_for, @version)
            ON CONFLICT (community_id) DO UPDATE SET
                cadence = excluded.cadence, interval_weeks = excluded.interval_weeks, week_of_month = excluded.week_of_month,
                weekday = excluded.weekday, time = excluded.time, time_zone = excluded.time_zone, starts_on = excluded.starts_on,
                group_size = excluded.group_size, mode = excluded.mode, cooldown_rounds = excluded.cooldown_rounds,
                channel = excluded.channel, active = excluded.active,
                notice_sent_for = excluded.notice_sent_for, last_round_for = excluded.last_round_for,
                version = coffee_schedules.version + 1
            """, [
                ("community", schedule.Community.Value),
                ("cadence", schedule.Recurrence.Cadence.ToString()),
                ("interval_weeks", schedule.Recurrence.IntervalWeeks),
                ("week_of_month", schedule.Recurrence.WeekOfMonth),
                ("weekday", schedule.Recurrence.Weekday.ToString()),
                ("time", schedule.Recurrence.Time),
                ("time_zone", schedule.Recurrence.TimeZone),
                ("starts_on", schedule.Recurrence.StartsOn),
                ("group_size", schedule.GroupSize),
                ("mode", schedule.Mode.ToString()),
                ("cooldown_rounds", schedule.CooldownRounds),
                ("channel", schedule.Channel),
                ("active", schedule.Active),
                ("notice_sent_for", schedule.NoticeSentFor),
                ("last_round_for", schedule.LastRoundFor),
                ("version", schedule.Version),
            ],
            ct).ConfigureAwait(false);
    }

    public Task<bool> AddBlockAsync(CommunityId community, Block block, CancellationToken ct) =>
        ChangesOneRowAsync(
            "INSERT INTO blocks (community_id, blocker_id, blocked_id) VALUES (@community, @blocker, @blocked) ON CONFLICT DO NOTHING",
            BlockParameters(community, block),
            ct);

    public Task<bool> RemoveBlockAsync(CommunityId community, Block block, CancellationToken ct) =>
        ChangesOneRowAsync(
            "DELETE FROM blocks WHERE community_id = @community AND blocker_id = @blocker AND blocked_id = @blocked",
            BlockParameters(community, block),
            ct);

    public Task<IReadOnlyList<MemberId>> ListBlockedAsync(CommunityId community, MemberId blocker, CancellationToken ct) =>
        QueryAsync(
            "SELECT blocked_id FROM blocks WHERE community_id = @community AND blocker_id = @blocker ORDER BY blocked_id",
            [("community", community.Value), ("blocker", blocker.Value)],
            ReadMemberId,
            ct);

    public Task<IReadOnlyList<Block>> ListBlocksAsync(CommunityId community, CancellationToken ct) =>
        QueryAsync(
            "SELECT blocker_id, blocked_id FROM blocks WHERE community_id = @community ORDER BY blocker_id, blocked_id",
            [("community", community.Value)],
            r => new Block(new MemberId(r.GetString(0)), new MemberId(r.GetString(1))),
            ct);

    public Task SavePairWishesAsync(CommunityId community, MemberId member, IReadOnlyList<MemberId> others, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(others);
        return InTransactionAsync(
            async transaction =>
            {
                foreach (var other in others.Where(o => o != member))
                {
                    await transaction.ExecuteAsync(
                        """
                        INSERT INTO pair_wishes (community_id, member_id, other_id, wished_at) VALUES (@community, @member, @other, @at)
                        ON CONFLICT (community_id, member_id, other_id) DO UPDATE SET wished_at = excluded.wished_at
                        """, [("community", community.Value), ("member", member.Value), ("other", other.Value), ("at", at)],
                        ct).ConfigureAwait(false);
                }
            },
            ct);
    }

    public Task<IReadOnlyList<(MemberId Member, MemberId Other)>> ListPairWishesAsync(CommunityId community, CancellationToken ct) =>
        QueryAsync(
            "SELECT member_id, other_id FROM pair_wishes WHERE community_id = @community ORDER BY member_id, other_id",
            [("community", community.Value)],
            r => (new MemberId(r.GetString(0)), new MemberId(r.GetString(1))),
            ct);

    private static CoffeeSchedule ReadSchedule(StoredRow r) =>
        new(
            new CommunityId(r.GetString(0)),
            new Recurrence(r.GetEnum<CadenceKind>(1), r.GetInt32(2), r.GetInt32(3), r.GetEnum<DayOfWeek>(4), r.GetTime(5), r.GetString(6), r.GetDate(7)),
            r.GetInt32(8),
            r.GetEnum<PairingMode>(9),
            r.GetInt32(10),
            r.GetNullableString(11),
            r.GetFlag(12))
        {
            NoticeSentFor = r.GetNullableInstant(13),
            LastRoundFor = r.GetNullableInstant(14),
            Version = r.GetInt32(15),
        };

    private static (string, object?)[] BlockParameters(CommunityId community, Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return [("community", community.Value), ("blocker", block.Blocker.Value), ("blocked", block.Blocked.Value)];
    }
}
