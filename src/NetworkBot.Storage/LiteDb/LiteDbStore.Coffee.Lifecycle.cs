using LiteDB;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// What happens to a round after it is saved: phase times, late joiners, "did you meet?" answers and the close. A write
/// naming a round or group the community does not have is a bug in the caller and throws, as the SQL providers do; an
/// answer for such a group is what SQL's foreign key refuses, so it throws <see cref="LiteDbIntegrityException"/>. A write
/// derived from a document read at a version it has since left throws <see cref="StaleWriteException"/>. Either way the
/// whole transaction rolls back.
/// </remarks>
public sealed partial class LiteDbStore
{
    public Task UpdateRoundAsync(Round round, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        return WriteEnqueuingAsync(db => UpdatePhases(db, round), messages, ct);
    }

    /// <summary>A member already in the group repeats its <c>_id</c>, which LiteDB refuses, as <see cref="SaveRoundAsync"/> refuses one listed twice.</summary>
    public Task AddGroupMemberAsync(CommunityId community, GroupId group, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        return WriteEnqueuingAsync(
            db =>
            {
                if (Collection(db, LiteDbCollections.RoundGroups).FindById(LiteDbKey.Of(community.Value, group.Value)) is null)
                {
                    throw new InvalidOperationException($"Community {community} has no group {group}.");
                }

                // Writes take turns on the writer thread, so the last position read here is still the last at the insert.
                var position = WithKeyPrefix(db, LiteDbCollections.GroupMembers, community.Value, group.Value)
                    .Select(m => m["position"].AsInt32)
                    .DefaultIfEmpty(-1)
                    .Max() + 1;
                Collection(db, LiteDbCollections.GroupMembers).Insert(GroupMemberDocument(community, group, member, position));
            },
            messages,
            ct);
    }

    public Task RecordAnswerAsync(
        CommunityId community, GroupAnswer answer, MeetingOutcome groupOutcome, int groupVersion, IReadOnlyList<Connection> connections, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(connections);
        CommunityScope.RequireAll(community, connections, c => c.Community, nameof(connections));

        return WriteAsync(
            db =>
            {
                var groups = Collection(db, LiteDbCollections.RoundGroups);
                var group = groups.FindById(LiteDbKey.Of(community.Value, answer.Group.Value));
                RequireVersion(group, groupVersion, $"Group {answer.Group} of {community}", mustExist: false);
                if (group is null)
                {
                    throw new LiteDbIntegrityException($"Community {community} has no group {answer.Group} to answer for.");
                }

                Collection(db, LiteDbCollections.GroupAnswers).Upsert(new BsonDocument
                {
                    ["_id"] = LiteDbKey.Of(community.Value, answer.Group.Value, answer.Member.Value),
                    ["community_id"] = LiteDbValues.Text(community.Value),
                    ["group_id"] = LiteDbValues.Text(answer.Group.Value),
                    ["member_id"] = LiteDbValues.Text(answer.Member.Value),
                    ["answer"] = answer.Answer.ToString(),
                    ["answered_at"] = LiteDbValues.Instant(answer.AnsweredAt),
                });
                group["outcome"] = groupOutcome.ToString();
                group["version"] = group["version"].AsInt32 + 1;
                groups.Update(group);
                InsertConnections(db, community, connections);
            },
            ct);
    }

    /// <summary>Ordered by group (as the round lists them), then by answer time.</summary>
    public Task<IReadOnlyList<GroupAnswer>> ListAnswersAsync(CommunityId community, RoundId round, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<GroupAnswer>>(
            db => [.. GroupsOf(db, community.Value, round.Value).SelectMany(group =>
                WithKeyPrefix(db, LiteDbCollections.GroupAnswers, community.Value, group.GetRequiredText("group_id"))
                    .Select(a => new GroupAnswer(
                        new GroupId(a.GetRequiredText("group_id")),
                        new MemberId(a.GetRequiredText("member_id")),
                        a.GetEnum<MeetingOutcome>("answer"),
                        a.GetInstant("answered_at")))
                    .OrderBy(a => a.AnsweredAt)
                    .ThenBy(a => a.Member.Value, StringComparer.Ordinal))],
            ct);

    /// <summary>
    /// Writes only the members' coffee enrolment, not their whole record, and only while each member is still at the
    /// version the close read, so neither a profile edit nor a pause made meanwhile is overwritten with that copy.
    /// </summary>
    public Task CloseRoundAsync(Round round, IReadOnlyList<Member> members, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(members);
        CommunityScope.RequireAll(round.Community, members, m => m.Community, nameof(members));
        return WriteEnqueuingAsync(
            db =>
            {
                UpdatePhases(db, round);
                var stored = Collection(db, LiteDbCollections.Members);
                foreach (var member in members)
                {
                    var document = RequireMemberVersion(stored, member);
                    WriteEnrollment(document, member.Coffee);
                    document["version"] = member.Version + 1;
                    stored.Update(document);
                }
            },
            messages,
            ct);
    }

    /// <summary>Inside a write: sets the round's phase times while it is still at the version <paramref name="round"/> was read at.</summary>
    private static void UpdatePhases(LiteDatabase db, Round round)
    {
        var rounds = Collection(db, LiteDbCollections.Rounds);
        var stored = rounds.FindById(LiteDbKey.Of(round.Community.Value, round.Id.Value));
        RequireVersion(stored, round.Version, $"Round {round.Id} of {round.Community}", mustExist: true);
        var updated = WithPhases(stored!, round);
        updated["version"] = round.Version + 1;
        rounds.Update(updated);
    }

    /// <summary>Inside a write: the member's document, still at the version <paramref name="member"/> was read at.</summary>
    private static BsonDocument RequireMemberVersion(ILiteCollection<BsonDocument> members, Member member)
    {
        var stored = members.FindById(LiteDbKey.Of(member.Community.Value, member.Id.Value));
        RequireVersion(stored, member.Version, $"Member {member.Id} of {member.Community}", mustExist: true);
        return stored!;
    }
}
