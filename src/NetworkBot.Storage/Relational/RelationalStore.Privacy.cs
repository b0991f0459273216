using NetworkBot.Core.Domain;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Storage.Relational;

// Placeholder until the privacy store lands: the contract compiles, nothing calls it yet.
public abstract partial class RelationalStore
{
    public Task<MemberExport?> ExportMemberAsync(CommunityId community, MemberId member, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> EraseMemberAsync(CommunityId community, MemberId member, MemberId placeholder, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Leaver>> ListLeaversAsync(CancellationToken ct) => throw new NotImplementedException();
}
