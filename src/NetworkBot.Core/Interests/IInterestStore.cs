using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Interests;

/// <summary>
/// Interest groups and who joined them. Part of <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IInterestStore
{
    /// <summary>Inserts or replaces an interest group.</summary>
    Task SaveInterestAsync(Interest interest, CancellationToken ct);

    /// <summary>The interest group with this name, ignoring case, archived or not.</summary>
    Task<Interest?> GetInterestByNameAsync(CommunityId community, string name, CancellationToken ct);

    Task<IReadOnlyList<Interest>> ListInterestsAsync(CommunityId community, bool includeArchived, CancellationToken ct);

    /// <summary>Returns false when the member was already in the group.</summary>
    Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct);

    /// <summary>Adds the member and queues <paramref name="messages"/> in one transaction; false when the member was already in the group.</summary>
    Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Returns false when the member was not in the group.</summary>
    Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct);

    /// <summary>Removes the member and queues <paramref name="messages"/> in one transaction; false when the member was not in the group.</summary>
    Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    Task<IReadOnlyList<MemberId>> ListInterestMembersAsync(CommunityId community, InterestId interest, CancellationToken ct);

    /// <summary>For each member of the community, the names of the (unarchived) interest groups they joined.</summary>
    Task<IReadOnlyDictionary<MemberId, IReadOnlyList<string>>> ListInterestGroupNamesByMemberAsync(CommunityId community, CancellationToken ct);
}
