using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    public Task<IReadOnlyList<Connection>> ListConnectionsAsync(CommunityId community, MemberId member, CancellationToken ct) => throw new NotImplementedException();

    public Task<int> CountConnectionsSinceAsync(CommunityId community, DateTimeOffset since, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> WishConnectionAsync(CommunityId community, EventId ev, MemberId from, MemberId to, DateTimeOffset at, CancellationToken ct) => throw new NotImplementedException();
}
