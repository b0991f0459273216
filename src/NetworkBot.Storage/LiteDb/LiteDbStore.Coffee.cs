using LiteDB;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// Coffee chats: schedules, blocks and pair wishes here; rounds and their groups in <c>LiteDbStore.Coffee.Rounds.cs</c>,
/// what happens to a round after it is saved in <c>LiteDbStore.Coffee.Lifecycle.cs</c>. One schedule document per
/// community, cancelling keeps it with <c>active</c> false, as the SQL row. A block's or wish's <c>_id</c> starts with its
/// community and member, so one member's are a range of the <c>_id</c> index (<see cref="WithKeyPrefix"/>).
/// </remarks>
public sealed partial class LiteDbStore
{
    public Task<CoffeeSchedule?> GetScheduleAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync(db => Collection(db, LiteDbCollections.CoffeeSchedules).FindById(LiteDbKey.Of(community.Value)) is { } d ? ReadSchedule(d) : null, ct);

    /// <summary>
    /// Across communities, by design: the scheduler's work list, from the active schedules' index and the open rounds'
    /// (<c>closed_at</c> null). Ordered by community id.
    /// </summary>
    public Task<IReadOnlyList<CommunityId>> ListCoffeeCommunitiesAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<CommunityId>>(
            db =>
            {
                var scheduled = Collection(db, LiteDbCollections.CoffeeSchedules).Find(Query.EQ("active", true));
                var open = Collection(db, LiteDbCollections.Rounds).Find(Query.EQ("closed_at", BsonValue.Null)).Where(d => !d["ends_at"].IsNull);
                return [.. scheduled.Concat(open)
                    .Select(d => d.GetRequiredText("community_id"))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .Select(id => new CommunityId(id))];
            },
            ct);

    public Task SaveScheduleAsync(CoffeeSchedule schedule, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return WriteEnqueuingAsync(db => UpsertSchedule(db, schedule), messages, ct);
    }

    public Task<bool> AddBlockAsync(CommunityId community, Block block, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(block);
        return WriteAsync(
            db =>
            {
                var blocks = Collection(db, LiteDbCollections.Blocks);
                var key = LiteDbKey.Of(community.Value, block.Blocker.Value, block.Blocked.Value);
                if (blocks.FindById(key) is not null)
                {
                    return false;
                }

                blocks.Insert(new BsonDocument
                {
                    ["_id"] = key,
                    ["community_id"] = LiteDbValues.Text(community.Value),
                    ["blocker_id"] = LiteDbValues.Text(block.Blocker.Value),
                    ["blocked_id"] = LiteDbValues.Text(block.Blocked.Value),
                });
                return true;
            },
            ct);
    }

    public Task<bool> RemoveBlockAsync(CommunityId community, Block block, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(block);
        return WriteAsync(
            db => Collection(db, LiteDbCollections.Blocks).Delete(LiteDbKey.Of(community.Value, block.Blocker.Value, block.Blocked.Value)),
            ct);
    }

    public Task<IReadOnlyList<MemberId>> ListBlockedAsync(CommunityId community, MemberId blocker, CancellationToken ct) =>
        ReadAsync(db => MemberIdsWithKeyPrefix(db, LiteDbCollections.Blocks, "blocked_id", community.Value, blocker.Value),
            ct);

    public Task<IReadOnlyList<Block>> ListBlocksAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Block>>(
            db => [.. InCommunity(db, LiteDbCollections.Blocks, community)
                .Select(d => new Block(new MemberId(d.GetRequiredText("blocker_id")), new MemberId(d.GetRequiredText("blocked_id"))))
                .OrderBy(b => b.Blocker.Value, StringComparer.Ordinal)
                .ThenBy(b => b.Blocked.Value, StringComparer.Ordinal)],
            ct);

    /// <summary>A wish already there keeps its document and takes the new time; a wish for oneself is left out, as the SQL's check would refuse it.</summary>
    public Task SavePairWishesAsync(CommunityId community, MemberId member, IReadOnlyList<MemberId> others, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(others);
        return WriteAsync(
            db => Collection(db, LiteDbCollections.PairWishes).Upsert(others.Where(o => o != member).Select(other => new BsonDocument
            {
                ["_id"] = LiteDbKey.Of(community.Value, member.Value, other.Value),
                ["community_id"] = LiteDbValues.Text(community.Value),
                ["member_id"] = LiteDbValues.Text(member.Value),
                ["other_id"] = LiteDbValues.Text(other.Value),
                ["wished_at"] = LiteDbValues.Instant(at),
            })),
            ct);
    }

    public Task<IReadOnlyList<(MemberId Member, MemberId Other)>> ListPairWishesAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<(MemberId Member, MemberId Other)>>(
            db => [.. InCommunity(db, LiteDbCollections.PairWishes, community)
                .Select(d => (Member: new MemberId(d.GetRequiredText("member_id")), Other: new MemberId(d.GetRequiredText("other_id"))))
                .OrderBy(w => w.Member.Value, StringComparer.Ordinal)
                .ThenBy(w => w.Other.Value, StringComparer.Ordinal)],
            ct);

    /// <summary>One write: <paramref name="write"/>, then the messages it causes, committed together or not at all.</summary>
    private Task WriteEnqueuingAsync(Action<LiteDatabase> write, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync(
            db =>
            {
                write(db);
                Enqueue(db, messages);
            },
            ct);
    }

    /// <summary>The documents of <paramref name="collection"/> whose <c>_id</c> starts with <paramref name="parts"/> (<see cref="LiteDbQuery.KeyPrefix"/>).</summary>
    private static IEnumerable<BsonDocument> WithKeyPrefix(LiteDatabase db, string collection, params ReadOnlySpan<string> parts) =>
        Collection(db, collection).Find(LiteDbQuery.KeyPrefix(parts));

    /// <summary>The member ids in <paramref name="field"/> of the documents <see cref="WithKeyPrefix"/> finds, each once, in id order.</summary>
    private static IReadOnlyList<MemberId> MemberIdsWithKeyPrefix(LiteDatabase db, string collection, string field, params ReadOnlySpan<string> parts) =>
        [.. WithKeyPrefix(db, collection, parts)
            .Select(d => d.GetRequiredText(field))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => new MemberId(id))];

    /// <summary>Inside a write: inserts the schedule, or replaces the stored one while it is still at the version <paramref name="schedule"/> was read at.</summary>
    private static void UpsertSchedule(LiteDatabase db, CoffeeSchedule schedule)
    {
        var schedules = Collection(db, LiteDbCollections.CoffeeSchedules);
        var key = LiteDbKey.Of(schedule.Community.Value);
        var stored = schedules.FindById(key);
        RequireVersion(stored, schedule.Version, $"The coffee schedule of {schedule.Community}", mustExist: false);
        var recurrence = schedule.Recurrence;
        schedules.Upsert(new BsonDocument
        {
            ["_id"] = key,
            ["community_id"] = LiteDbValues.Text(schedule.Community.Value),
            ["cadence"] = recurrence.Cadence.ToString(),
            ["interval_weeks"] = recurrence.IntervalWeeks,
            ["week_of_month"] = recurrence.WeekOfMonth,
            ["weekday"] = recurrence.Weekday.ToString(),
            ["time"] = LiteDbValues.Time(recurrence.Time),
            ["time_zone"] = LiteDbValues.Text(recurrence.TimeZone),
            ["starts_on"] = LiteDbValues.Date(recurrence.StartsOn),
            ["group_size"] = schedule.GroupSize,
            ["mode"] = schedule.Mode.ToString(),
            ["cooldown_rounds"] = schedule.CooldownRounds,
            ["channel"] = LiteDbValues.Text(schedule.Channel),
            ["active"] = schedule.Active,
            ["notice_sent_for"] = LiteDbValues.Instant(schedule.NoticeSentFor),
            ["last_round_for"] = LiteDbValues.Instant(schedule.LastRoundFor),
            ["version"] = stored is null ? schedule.Version : stored["version"].AsInt32 + 1,
        });
    }

    private static CoffeeSchedule ReadSchedule(BsonDocument d) =>
        new(
            new CommunityId(d.GetRequiredText("community_id")),
            new Recurrence(
                d.GetEnum<CadenceKind>("cadence"),
                d["interval_weeks"].AsInt32,
                d["week_of_month"].AsInt32,
                d.GetEnum<DayOfWeek>("weekday"),
                d.GetTime("time"),
                d.GetRequiredText("time_zone"),
                TextValues.ParseDate(d.GetRequiredText("starts_on"))),
            d["group_size"].AsInt32,
            d.GetEnum<PairingMode>("mode"),
            d["cooldown_rounds"].AsInt32,
            d.GetText("channel"),
            d["active"].AsBoolean)
        {
            NoticeSentFor = d.GetNullableInstant("notice_sent_for"),
            LastRoundFor = d.GetNullableInstant("last_round_for"),
            Version = d["version"].AsInt32,
        };
}
