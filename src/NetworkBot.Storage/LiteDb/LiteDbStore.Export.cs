using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore : IExportStore
{
    public Task<IReadOnlyList<CommunityId>> ListCommunityIdsAsync(CancellationToken ct) => throw new NotImplementedException();

    public Task<CommunityExport?> ExportCommunityAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();

    public Task<ImportRefusal?> ImportCommunitiesAsync(IReadOnlyList<CommunityExport> communities, CancellationToken ct) => throw new NotImplementedException();
}
