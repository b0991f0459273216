using System.Data.Common;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.Relational;

public abstract partial class RelationalStore
{
    private const string InterestColumns =
        "community_id, interest_id, name, description, archived, role_ref, channel_ref, created_at, space_pending";

    public Task<bool> ArchiveInterestAsync(CommunityId community, InterestId interest, CancellationToken ct) =>
        ChangesOneRowAsync(
            $"UPDATE interests SET archived = {True} WHERE community_id = @community AND interest_id = @interest AND archived = {False}",
            [("community", community.Value), ("interest", interest.Value)],
            ct);

    /// <summary>
    /// Inserts, or reopens the archived row with the same id; the unique name index refuses a second open group of
    /// the same name, whoever's transaction comes second.
    /// </summary>
    public async Task<bool> CreateInterestAsync(Interest interest, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interest);
        ArgumentNullException.ThrowIfNull(messages);
        var created = false;
        try
        {
            await InTransactionAsync(
                async transaction =>
                {
                    created = await transaction.ExecuteAsync(
                        $"""
                        INSERT INTO interests ({InterestColumns}, name_key)
                        VALUES (@community, @interest, @name, @description, @archived, @role_ref, @channel_ref, @created_at, @space_pending, @name_key)
                        ON CONFLICT (community_id, interest_id) DO UPDATE SET
                            description = excluded.description, archived = {False}, space_pending = excluded.space_pending
                        WHERE interests.archived = {True}
                        """, InterestParameters(interest),
                        ct).ConfigureAwait(false) == 1;
                    if (created)
                    {
                        await InsertOutboxAsync(transaction, messages, ct).ConfigureAwait(false);
                    }
                },
                ct).ConfigureAwait(false);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            return false;
        }

        return created;
    }

    public Task RecordInterestSpaceAsync(
        CommunityId community, InterestId interest, string? roleRef, string? channelRef, bool pending, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return InTransactionAsync(
            async transaction =>
            {
                await transaction.ExecuteAsync(
                    """
                    UPDATE interests SET
                        role_ref = COALESCE(@role_ref, role_ref), channel_ref = COALESCE(@channel_ref, channel_ref), space_pending = @space_pending
                    WHERE community_id = @community AND interest_id = @interest
                    """, [
                        ("community", community.Value),
                        ("interest", interest.Value),
                        ("role_ref", roleRef),
                        ("channel_ref", channelRef),
                        ("space_pending", pending),
                    ],
                    ct).ConfigureAwait(false);
                await InsertOutboxAsync(transaction, messages, ct).ConfigureAwait(false);
            },
            ct);
    }

    /// <summary>Names are unique per community, ignoring case (migration 9).</summary>
    public Task<Interest?> GetInterestByNameAsync(CommunityId community, string name, CancellationToken ct) =>
        QueryFirstAsync(
            $"""
            SELECT {InterestColumns} FROM interests
            WHERE community_id = @community AND name_key = @name_key
            ORDER BY archived, created_at, interest_id
            LIMIT 1
            """,
            [("community", community.Value), ("name_key", RelationalDialect.Fold(name))],
            ReadInterest,
            ct);

    /// <summary>Ordered by name, ignoring case.</summary>
    public Task<IReadOnlyList<Interest>> ListInterestsAsync(CommunityId community, bool includeArchived, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT {InterestColumns} FROM interests
            WHERE community_id = @community AND (@include_archived = {True} OR archived = {False})
            ORDER BY {Dialect.InterestNameOrder}, interest_id
            """,
            [("community", community.Value), ("include_archived", includeArchived)],
            ReadInterest,
            ct);

    public Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) =>
        ChangeInterestMembershipAsync(
            "INSERT INTO interest_members (community_id, interest_id, member_id) VALUES (@community, @interest, @member) ON CONFLICT DO NOTHING",
            community, interest, member, messages, ct);

    public Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) =>
        ChangeInterestMembershipAsync(
            "DELETE FROM interest_members WHERE community_id = @community AND interest_id = @interest AND member_id = @member",
            community, interest, member, messages, ct);

    public Task<IReadOnlyList<MemberId>> ListInterestMembersAsync(CommunityId community, InterestId interest, CancellationToken ct) =>
        QueryAsync(
            "SELECT member_id FROM interest_members WHERE community_id = @community AND interest_id = @interest ORDER BY member_id",
            [("community", community.Value), ("interest", interest.Value)],
            ReadMemberId,
            ct);

    /// <summary>Members who joined no unarchived group are absent from the result; names are ordered ignoring case.</summary>
    public async Task<IReadOnlyDictionary<MemberId, IReadOnlyList<string>>> ListInterestGroupNamesByMemberAsync(
        CommunityId community, CancellationToken ct)
    {
        var rows = await QueryAsync(
            $"""
            SELECT m.member_id, i.name
            FROM interest_members m
            JOIN interests i ON i.community_id = m.community_id AND i.interest_id = m.interest_id
            WHERE m.community_id = @community AND i.archived = {False}
            ORDER BY m.member_id, i.{Dialect.InterestNameOrder}
            """,
            [("community", community.Value)],
            r => (Member: new MemberId(r.GetString(0)), Name: r.GetString(1)),
            ct).ConfigureAwait(false);
        return rows
            .GroupBy(row => row.Member)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(row => row.Name)]);
    }

    /// <summary>The membership change and what it causes (the space's sync) commit together, so a crash loses neither alone.</summary>
    private async Task<bool> ChangeInterestMembershipAsync(
        string sql, CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var changed = false;
        await InTransactionAsync(
            async transaction =>
            {
                changed = await transaction.ExecuteAsync(
                    sql, [("community", community.Value), ("interest", interest.Value), ("member", member.Value)],
                    ct).ConfigureAwait(false) == 1;
                await InsertOutboxAsync(transaction, messages, ct).ConfigureAwait(false);
            },
            ct).ConfigureAwait(false);
        return changed;
    }

    private static (string, object?)[] InterestParameters(Interest interest) =>
    [
        ("community", interest.Community.Value),
        ("interest", interest.Id.Value),
        ("name_key", RelationalDialect.Fold(interest.Name)),
        ("name", interest.Name),
        ("description", interest.Description),
        ("archived", interest.Archived),
        ("role_ref", interest.RoleRef),
        ("channel_ref", interest.ChannelRef),
        ("created_at", interest.CreatedAt),
        ("space_pending", interest.SpacePending),
    ];

    private static Interest ReadInterest(StoredRow r) => new(
        new CommunityId(r.GetString(0)),
        new InterestId(r.GetString(1)),
        r.GetString(2),
        r.GetNullableString(3),
        r.GetFlag(4),
        r.GetNullableString(5),
        r.GetNullableString(6),
        r.GetInstant(7))
    {
        SpacePending = r.GetFlag(8),
    };
}
