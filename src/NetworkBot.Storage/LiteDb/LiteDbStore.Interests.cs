using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    public Task<bool> ArchiveInterestAsync(CommunityId community, InterestId interest, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> CreateInterestAsync(Interest interest, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task RecordInterestSpaceAsync( CommunityId community, InterestId interest, string? roleRef, string? channelRef, bool pending, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task<Interest?> GetInterestByNameAsync(CommunityId community, string name, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Interest>> ListInterestsAsync(CommunityId community, bool includeArchived, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> AddInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> RemoveInterestMemberAsync(CommunityId community, InterestId interest, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<MemberId>> ListInterestMembersAsync(CommunityId community, InterestId interest, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyDictionary<MemberId, IReadOnlyList<string>>> ListInterestGroupNamesByMemberAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();
}
