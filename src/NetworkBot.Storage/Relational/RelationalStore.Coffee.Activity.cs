using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// The dashboard's per-member counts. Each member's figures are index ranges of that member alone
/// (<c>group_members_by_member_round</c>, <c>group_answers_by_member</c>, the connections' two keys), and the last round
/// is found newest first through <c>rounds_by_start_id</c>, stopping at the first round that grouped the member: reading
/// every round's groups to find these took seconds at 10,000 members and 100 rounds.
/// </remarks>
public abstract partial class RelationalStore
{
    public async Task<IReadOnlyList<MemberActivity>> ListMemberActivityAsync(CommunityId community, CancellationToken ct)
    {
        (string, object?)[] parameters = [("community", community.Value)];

        // One snapshot, so the members' counts and the rounds' starts agree while others write.
        await using var transaction = await BeginAsync(TransactionKind.Snapshot, ct).ConfigureAwait(false);
        var starts = (await transaction.QueryAsync(
            "SELECT round_id, started_at FROM rounds WHERE community_id = @community",
            parameters,
            r => (Id: r.GetString(0), StartedAt: r.GetInstant(1)),
            ct).ConfigureAwait(false)).ToDictionary(r => r.Id, r => r.StartedAt, StringComparer.Ordinal);
        var activity = await transaction.QueryAsync(
            """
            SELECT m.member_id,
                   (SELECT r.round_id FROM rounds r
                    WHERE r.community_id = m.community_id
                      AND EXISTS (SELECT 1 FROM group_members gm
                                  WHERE gm.community_id = r.community_id AND gm.member_id = m.member_id AND gm.round_id = r.round_id)
                    ORDER BY r.started_at DESC, r.round_id DESC
                    LIMIT 1),
                   (SELECT CAST(COUNT(DISTINCT gm.round_id) AS integer) FROM group_members gm
                    WHERE gm.community_id = m.community_id AND gm.member_id = m.member_id),
                   (SELECT CAST(COUNT(*) AS integer) FROM group_answers a
                    WHERE a.community_id = m.community_id AND a.member_id = m.member_id),
                   (SELECT CAST(COUNT(*) AS integer) FROM connections c
                    WHERE c.community_id = m.community_id AND c.member_a = m.member_id),
                   (SELECT CAST(COUNT(*) AS integer) FROM connections c
                    WHERE c.community_id = m.community_id AND c.member_b = m.member_id)
            FROM members m
            WHERE m.community_id = @community
            """,
            parameters,
            r =>
            {
                var last = r.GetNullableString(1);
                return new MemberActivity(
                    new MemberId(r.GetString(0)),
                    last is null ? null : new RoundId(last),
                    last is null ? null : starts[last],
                    r.GetInt32(2),
                    r.GetInt32(3),
                    r.GetInt32(4) + r.GetInt32(5));
            },
            ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return [.. activity.OrderBy(a => a.Member.Value, StringComparer.Ordinal)];
    }
}
