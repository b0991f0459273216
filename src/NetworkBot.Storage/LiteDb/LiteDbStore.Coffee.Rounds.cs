using LiteDB;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// A round is a <c>rounds</c> document, its groups <c>round_groups</c> documents found by the <c>round_id</c> index, and a
/// group's members <c>group_members</c> documents whose <c>_id</c> starts with the group's key, so reading a group's members
/// is one range of the <c>_id</c> index. Round and group ids are unique within a community only, so every look-up by
/// an index not keyed by the community also checks <c>community_id</c>.
/// </remarks>
public sealed partial class LiteDbStore
{
    /// <summary>
    /// The round and its groups are stored at version 0; the members' versions are checked, not raised, but for those
    /// whose skip it uses. A group or member listed twice repeats an <c>_id</c>, which LiteDB refuses, so nothing is written.
    /// </summary>
    public Task SaveRoundAsync(RoundRecord round, RoundBasis basis, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(basis);
        var community = round.Round.Community;
        CommunityScope.RequireAll(community, basis.Members, m => m.Community, nameof(basis));
        if (basis.Schedule is { } schedule)
        {
            CommunityScope.Require(community, schedule.Community, nameof(basis));
        }

        return WriteEnqueuingAsync(
            db =>
            {
                var members = Collection(db, LiteDbCollections.Members);
                foreach (var member in basis.Members)
                {
                    RequireMemberVersion(members, member);
                }

                if (basis.Schedule is { } schedule)
                {
                    UpsertSchedule(db, schedule);
                }

                Collection(db, LiteDbCollections.Rounds).Insert(RoundDocument(round.Round));
                Collection(db, LiteDbCollections.RoundGroups).Insert(round.Groups.Select((group, position) => new BsonDocument
                {
                    ["_id"] = LiteDbKey.Of(community.Value, group.Id.Value),
                    ["community_id"] = LiteDbValues.Text(community.Value),
                    ["group_id"] = LiteDbValues.Text(group.Id.Value),
                    ["round_id"] = LiteDbValues.Text(round.Round.Id.Value),
                    ["position"] = position,
                    ["outcome"] = group.Outcome.ToString(),
                    ["version"] = 0,
                }));
                Collection(db, LiteDbCollections.GroupMembers).Insert(
                    round.Groups.SelectMany(group => group.Members.Select((member, position) => GroupMemberDocument(community, group.Id, member, position))));

                // Through the skip flag's index: only the few members who asked to skip are read.
                foreach (var skipping in members.Find(Query.EQ("coffee_skip_next", true)).ToList())
                {
                    if (skipping.GetRequiredText("community_id") == community.Value && skipping["coffee_joined"].AsBoolean)
                    {
                        skipping["coffee_skip_next"] = false;
                        skipping["version"] = skipping["version"].AsInt32 + 1;
                        members.Update(skipping);
                    }
                }
            },
            messages,
            ct);
    }

    /// <summary>Counted through the <c>community_id</c> index, without reading a round.</summary>
    public Task<int> CountRoundsAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync(db => Collection(db, LiteDbCollections.Rounds).Count(LiteDbQuery.Equal("community_id", community.Value)), ct);

    public Task<IReadOnlyList<RoundRecord>> ListRoundsAsync(CommunityId community, int limit, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<RoundRecord>>(
            db => [.. NewestFirst(InCommunity(db, LiteDbCollections.Rounds, community)).Take(Math.Max(limit, 0)).Reverse()
                .Select(round => WithGroups(db, round, groups: null))],
            ct);

    public Task<IReadOnlyList<RoundRecord>> ListMemberRoundsAsync(CommunityId community, MemberId member, int limit, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<RoundRecord>>(
            db =>
            {
                var groups = Collection(db, LiteDbCollections.RoundGroups);
                var rounds = Collection(db, LiteDbCollections.Rounds);
                var picked = Collection(db, LiteDbCollections.GroupMembers).Find(LiteDbQuery.Equal("member_id", member.Value))
                    .Where(d => d.GetRequiredText("community_id") == community.Value)
                    .Select(d => groups.FindById(LiteDbKey.Of(community.Value, d.GetRequiredText("group_id"))))
                    .Select(g => (Group: g, Round: rounds.FindById(LiteDbKey.Of(community.Value, g.GetRequiredText("round_id")))));
                return [.. picked
                    .OrderByDescending(p => p.Round.GetRequiredText("started_at"), StringComparer.Ordinal)
                    .ThenByDescending(p => p.Round.GetRequiredText("round_id"), StringComparer.Ordinal)
                    .Take(Math.Max(limit, 0))
                    .GroupBy(p => p.Round["_id"].AsString, StringComparer.Ordinal)
                    .Select(round => WithGroups(db, round.First().Round, [.. round.Select(p => p.Group).OrderBy(g => g["position"].AsInt32)]))];
            },
            ct);

    public Task<RoundRecord?> GetRoundAsync(CommunityId community, RoundId round, CancellationToken ct) =>
        ReadAsync(
            db => Collection(db, LiteDbCollections.Rounds).FindById(LiteDbKey.Of(community.Value, round.Value)) is { } d
                ? WithGroups(db, d, groups: null)
                : null,
            ct);

    /// <summary>Ties in start time go by id.</summary>
    public Task<IReadOnlyList<RoundRecord>> ListOpenRoundsAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<RoundRecord>>(db => [.. OpenRounds(db, community).Select(round => WithGroups(db, round, groups: null))], ct);

    public Task<IReadOnlyList<Round>> ListOpenRoundsWithoutGroupsAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Round>>(db => [.. OpenRounds(db, community).Select(ReadRound)], ct);

    public Task<RoundRecord?> FindGroupAsync(CommunityId community, GroupId group, CancellationToken ct) =>
        ReadAsync(
            db => Collection(db, LiteDbCollections.RoundGroups).FindById(LiteDbKey.Of(community.Value, group.Value)) is { } g
                ? WithGroups(db, Collection(db, LiteDbCollections.Rounds).FindById(LiteDbKey.Of(community.Value, g.GetRequiredText("round_id"))), [g])
                : null,
            ct);

    /// <summary>The round's phase times as the lifecycle writes them: every column, nulls included.</summary>
    private static BsonDocument WithPhases(BsonDocument document, Round round)
    {
        document["ends_at"] = LiteDbValues.Instant(round.EndsAt);
        document["nudged_at"] = LiteDbValues.Instant(round.NudgedAt);
        document["check_in_at"] = LiteDbValues.Instant(round.CheckInAt);
        document["reasked_at"] = LiteDbValues.Instant(round.ReaskedAt);
        document["closed_at"] = LiteDbValues.Instant(round.ClosedAt);
        return document;
    }

    private static BsonDocument RoundDocument(Round round) =>
        WithPhases(
            new BsonDocument
            {
                ["_id"] = LiteDbKey.Of(round.Community.Value, round.Id.Value),
                ["community_id"] = LiteDbValues.Text(round.Community.Value),
                ["round_id"] = LiteDbValues.Text(round.Id.Value),
                ["started_at"] = LiteDbValues.Instant(round.StartedAt),
                ["group_size"] = round.GroupSize,
                ["mode"] = round.Mode.ToString(),
                ["seed"] = round.Seed,
                ["version"] = 0,
            },
            round);

    private static BsonDocument GroupMemberDocument(CommunityId community, GroupId group, MemberId member, int position) =>
        new()
        {
            ["_id"] = LiteDbKey.Of(community.Value, group.Value, member.Value),
            ["community_id"] = LiteDbValues.Text(community.Value),
            ["group_id"] = LiteDbValues.Text(group.Value),
            ["member_id"] = LiteDbValues.Text(member.Value),
            ["position"] = position,
        };

    private static IEnumerable<BsonDocument> NewestFirst(IEnumerable<BsonDocument> rounds) =>
        rounds
            .OrderByDescending(d => d.GetRequiredText("started_at"), StringComparer.Ordinal)
            .ThenByDescending(d => d.GetRequiredText("round_id"), StringComparer.Ordinal);

    /// <summary>The groups of <paramref name="round"/> by its <c>round_id</c> index, in the round's order, kept to its community.</summary>
    private static IEnumerable<BsonDocument> GroupsOf(LiteDatabase db, string community, string round) =>
        Collection(db, LiteDbCollections.RoundGroups).Find(LiteDbQuery.Equal("round_id", round))
            .Where(g => g.GetRequiredText("community_id") == community)
            .OrderBy(g => g["position"].AsInt32);

    /// <summary>The round read from <paramref name="round"/>, with <paramref name="groups"/> or else all its groups, each with its members in order.</summary>
    private static RoundRecord WithGroups(LiteDatabase db, BsonDocument round, IReadOnlyList<BsonDocument>? groups)
    {
        var read = ReadRound(round);
        var community = read.Community.Value;
        return new RoundRecord(
            read,
            [.. (groups ?? GroupsOf(db, community, read.Id.Value)).Select(g =>
            {
                var id = g.GetRequiredText("group_id");
                var members = WithKeyPrefix(db, LiteDbCollections.GroupMembers, community, id)
                    .OrderBy(m => m["position"].AsInt32)
                    .Select(m => new MemberId(m.GetRequiredText("member_id")));
                return new Group(read.Id, new GroupId(id), [.. members], g.GetEnum<MeetingOutcome>("outcome")) { Version = g["version"].AsInt32 };
            })]);
    }

    /// <summary>The community's rounds with an end that are not closed, oldest first (ties by id).</summary>
    private static IEnumerable<BsonDocument> OpenRounds(LiteDatabase db, CommunityId community) =>
        NewestFirst(Collection(db, LiteDbCollections.Rounds)
                .Find(BsonExpression.Create("$.community_id = @0 AND $.closed_at = null", community.Value))
                .Where(d => !d["ends_at"].IsNull))
            .Reverse();

    private static Round ReadRound(BsonDocument d) =>
        new(
            new CommunityId(d.GetRequiredText("community_id")),
            new RoundId(d.GetRequiredText("round_id")),
            d.GetInstant("started_at"),
            d["group_size"].AsInt32,
            d.GetEnum<PairingMode>("mode"),
            d["seed"].AsInt64)
        {
            EndsAt = d.GetNullableInstant("ends_at"),
            NudgedAt = d.GetNullableInstant("nudged_at"),
            CheckInAt = d.GetNullableInstant("check_in_at"),
            ReaskedAt = d.GetNullableInstant("reasked_at"),
            ClosedAt = d.GetNullableInstant("closed_at"),
            Version = d["version"].AsInt32,
        };
}
