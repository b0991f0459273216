using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// Interest groups and their members. A group's <c>name_id</c> (its community and folded name) is unique, as the SQL
/// schema's index on <c>(community_id, name_key)</c> is, so a community never holds two groups of one name ignoring case.
/// </remarks>
public sealed partial class LiteDbStore
{
    public Task<bool> ArchiveInterestAsync(CommunityId community, InterestId interest, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var interests = Collection(db, LiteDbCollections.Interests);
                if (interests.FindById(LiteDbKey.Of(community.Value, interest.Value)) is not { } stored || stored["archived"].AsBoolean)
                {
                    return false;
                }

                stored["archived"] = true;
                return interests.Update(stored);
            },
            ct);

    /// <summary>
    /// Inserts, or reopens the archived group with the same id (keeping its name); a second group of a name the community
    /// already has, open or archived, is refused with false. Its messages are queued only when it is created or reopened.
    /// </summary>
    public Task<bool> CreateInterestAsync(Interest interest, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interest);
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync(
            db =>
            {
                var interests = Collection(db, LiteDbCollections.Interests);
                var key = LiteDbKey.Of(interest.Community.Value, interest.Id.Value);
                var created = interests.FindById(key) is { } stored
                    ? Reopen(interests, stored, interest)
                    : Insert(interests, key, interest);
                if (created)
                {
                    Enqueue(db, messages);
                }

                return created;
            },
            ct);
    }

    public Task RecordInterestSpaceAsync(
        CommunityId community, InterestId interest, string? roleRef, string? channelRef, bool pending, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync(
            db =>
            {
                var interests = Collection(db, LiteDbCollections.Interests);
                if (interests.FindById(LiteDbKey.Of(community.Value, interest.Value)) is { } stored)
                {
                    stored["role_ref"] = roleRef is null ? stored["role_ref"] : LiteDbValues.Text(roleRef);
                    stored["channel_ref"] = channelRef is null ? stored["channel_ref"] : LiteDbValues.Text(channelRef);
                    stored["space_pending"] = pending;
                    interests.Update(stored);
                }

                Enqueue(db, messages);
            },
            ct);
    }

    /// <summary>Names are unique per community, ignoring case.</summary>
    public Task<Interest?> GetInterestByNameAsync(CommunityId community, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ReadAsync(
            db => Collection(db, LiteDbCollections.Interests).FindOne(LiteDbQuery.Equal("name_id", NameId(community, name))) is { } d ? ReadInterest(d) : null,
            ct);
    }

    /// <summary>Ordered by name ignoring case (its folded <c>name_key</c>, as PostgreSQL orders them), then id.</summary>
    public Task<IReadOnlyList<Interest>> ListInterestsAsync(CommunityId community, bool includeArchived, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Interest>>(
            db => [.. InCommunity(db, LiteDbCollections.Interests, community)
                .Where(d => includeArchived || !d["archived"].AsBoolean)
                .OrderBy(d => d["name_key"].AsString, StringComparer.Ordinal)
                .ThenBy(d => d["interest_id"].AsString, StringComparer.Ordinal)
                .Select(ReadInterest)],
            ct);

    /// <summary>A group the community does not have is refused, as the SQL schema's foreign key refuses it.</summary>
    public Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) =>
        ChangeInterestMembershipAsync(
            db =>
            {
                if (Collection(db, LiteDbCollections.Interests).FindById(LiteDbKey.Of(community.Value, interest.Value)) is null)
                {
                    throw new LiteDbIntegrityException($"Community {community} has no interest group {interest} to join.");
                }

                var members = Collection(db, LiteDbCollections.InterestMembers);
                var key = LiteDbKey.Of(community.Value, interest.Value, member.Value);
                if (members.FindById(key) is not null)
                {
                    return false;
                }

                members.Insert(new BsonDocument
                {
                    ["_id"] = key,
                    ["community_id"] = LiteDbValues.Text(community.Value),
                    ["interest_id"] = LiteDbValues.Text(interest.Value),
                    ["member_id"] = LiteDbValues.Text(member.Value),
                });
                return true;
            },
            messages,
            ct);

    public Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) =>
        ChangeInterestMembershipAsync(
            db => Collection(db, LiteDbCollections.InterestMembers).Delete(LiteDbKey.Of(community.Value, interest.Value, member.Value)),
            messages,
            ct);

    public Task<IReadOnlyList<MemberId>> ListInterestMembersAsync(CommunityId community, InterestId interest, CancellationToken ct) =>
        ReadAsync(db => MemberIdsWithKeyPrefix(db, LiteDbCollections.InterestMembers, "member_id", community.Value, interest.Value),
            ct);

    /// <summary>Members who joined no unarchived group are absent from the result; names are ordered ignoring case.</summary>
    public Task<IReadOnlyDictionary<MemberId, IReadOnlyList<string>>> ListInterestGroupNamesByMemberAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyDictionary<MemberId, IReadOnlyList<string>>>(
            db =>
            {
                var open = InCommunity(db, LiteDbCollections.Interests, community)
                    .Where(d => !d["archived"].AsBoolean)
                    .ToDictionary(d => d.GetRequiredText("interest_id"), d => (Name: d.GetRequiredText("name"), Key: d.GetRequiredText("name_key")), StringComparer.Ordinal);
                return InCommunity(db, LiteDbCollections.InterestMembers, community)
                    .Where(d => open.ContainsKey(d.GetRequiredText("interest_id")))
                    .GroupBy(d => d.GetRequiredText("member_id"), StringComparer.Ordinal)
                    .ToDictionary(
                        g => new MemberId(g.Key),
                        g => (IReadOnlyList<string>)[.. g.Select(d => open[d.GetRequiredText("interest_id")]).OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Name)]);
            },
            ct);

    /// <summary>The membership change and what it causes (the space's sync) commit together, so a crash loses neither alone.</summary>
    private Task<bool> ChangeInterestMembershipAsync(Func<LiteDatabase, bool> change, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync(
            db =>
            {
                var changed = change(db);
                Enqueue(db, messages);
                return changed;
            },
            ct);
    }

    /// <summary>Inside a write: reopens <paramref name="stored"/> with the new description and space state, if it is archived.</summary>
    private static bool Reopen(ILiteCollection<BsonDocument> interests, BsonDocument stored, Interest interest)
    {
        if (!stored["archived"].AsBoolean)
        {
            return false;
        }

        stored["description"] = LiteDbValues.Text(interest.Description);
        stored["archived"] = false;
        stored["space_pending"] = interest.SpacePending;
        return interests.Update(stored);
    }

    /// <summary>Inside a write: inserts <paramref name="interest"/> unless its community has a group of that name.</summary>
    private static bool Insert(ILiteCollection<BsonDocument> interests, string key, Interest interest)
    {
        var nameId = NameId(interest.Community, interest.Name);
        if (interests.Exists(LiteDbQuery.Equal("name_id", nameId)))
        {
            return false;
        }

        interests.Insert(new BsonDocument
        {
            ["_id"] = key,
            ["community_id"] = LiteDbValues.Text(interest.Community.Value),
            ["interest_id"] = LiteDbValues.Text(interest.Id.Value),
            ["name"] = LiteDbValues.Text(interest.Name),
            ["description"] = LiteDbValues.Text(interest.Description),
            ["archived"] = interest.Archived,
            ["role_ref"] = LiteDbValues.Text(interest.RoleRef),
            ["channel_ref"] = LiteDbValues.Text(interest.ChannelRef),
            ["created_at"] = LiteDbValues.Instant(interest.CreatedAt),
            ["name_key"] = NameKey(interest.Name),
            ["space_pending"] = interest.SpacePending,

            // Index key (LiteDbSchema): the name, folded, within its community.
            ["name_id"] = nameId,
        });
        return true;
    }

    /// <summary>The name folded as the SQL providers fold it (<see cref="RelationalDialect.Fold"/>), stored as they store text.</summary>
    private static string NameKey(string name) => StorableText.Plain(RelationalDialect.Fold(name));

    private static string NameId(CommunityId community, string name) => LiteDbKey.Of(community.Value, NameKey(name));

    private static Interest ReadInterest(BsonDocument d) => new(
        new CommunityId(d.GetRequiredText("community_id")),
        new InterestId(d.GetRequiredText("interest_id")),
        d.GetRequiredText("name"),
        d.GetText("description"),
        d["archived"].AsBoolean,
        d.GetText("role_ref"),
        d.GetText("channel_ref"),
        d.GetInstant("created_at"))
    {
        SpacePending = d["space_pending"].AsBoolean,
    };
}
