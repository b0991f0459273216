using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Interests;

/// <summary>
/// Interest groups and who joined them. Part of <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IInterestStore
{
    /// <summary>
    /// Archives the open group; false when it was archived already. Its space and the record of it (see
    /// <see cref="RecordInterestSpaceAsync"/>) are left as they are, so an intent still making the space finishes.
    /// </summary>
    Task<bool> ArchiveInterestAsync(CommunityId community, InterestId interest, CancellationToken ct);

    /// <summary>
    /// Stores a new group, or opens again the archived group with <paramref name="interest"/>'s id, and queues
    /// <paramref name="messages"/> (the intent that makes its space), in one transaction. False, with nothing stored or
    /// queued, when an open group of the community already has the name (ignoring case): of two managers creating the same
    /// group at once, one gets it.
    /// </summary>
    Task<bool> CreateInterestAsync(Interest interest, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>
    /// Records the group's space as the platform has it now (a null reference keeps the stored one), whether it is still
    /// <see cref="Interest.SpacePending"/>, and queues <paramref name="messages"/>, in one transaction.
    /// </summary>
    Task RecordInterestSpaceAsync(
        CommunityId community, InterestId interest, string? roleRef, string? channelRef, bool pending, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>The interest group with this name, ignoring case, archived or not.</summary>
    Task<Interest?> GetInterestByNameAsync(CommunityId community, string name, CancellationToken ct);

    Task<IReadOnlyList<Interest>> ListInterestsAsync(CommunityId community, bool includeArchived, CancellationToken ct);

    /// <summary>Returns false when the member was already in the group. Queues nothing, so every store shares this one body.</summary>
    Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct) =>
        AddInterestMemberAsync(community, interest, member, [], ct);

    /// <summary>Adds the member and queues <paramref name="messages"/> in one transaction; false when the member was already in the group.</summary>
    Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Returns false when the member was not in the group. Queues nothing, so every store shares this one body.</summary>
    Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct) =>
        RemoveInterestMemberAsync(community, interest, member, [], ct);

    /// <summary>Removes the member and queues <paramref name="messages"/> in one transaction; false when the member was not in the group.</summary>
    Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    Task<IReadOnlyList<MemberId>> ListInterestMembersAsync(CommunityId community, InterestId interest, CancellationToken ct);

    /// <summary>For each member of the community, the names of the (unarchived) interest groups they joined.</summary>
    Task<IReadOnlyDictionary<MemberId, IReadOnlyList<string>>> ListInterestGroupNamesByMemberAsync(CommunityId community, CancellationToken ct);
}
