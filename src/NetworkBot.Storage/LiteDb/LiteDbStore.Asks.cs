using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.LiteDb;

// Placeholder until the ask store lands: the contract compiles, nothing calls it yet.
public sealed partial class LiteDbStore
{
    public Task<Ask?> GetAskAsync(CommunityId community, AskId id, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Ask>> ListMemberAsksAsync(CommunityId community, MemberId asker, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Ask>> ListOpenAsksAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Ask>> ListDueAsksAsync(DateTimeOffset now, CancellationToken ct) => throw new NotImplementedException();

    public Task<int> CountTimesAskedAsync(CommunityId community, MemberId member, DateTimeOffset since, CancellationToken ct) => throw new NotImplementedException();

    public Task SaveAskAsync(Ask ask, IReadOnlyList<OutboxMessage> messages, Connection? connection, CancellationToken ct) => throw new NotImplementedException();

    public Task<AskFigures> CountAsksAsync(CommunityId community, DateTimeOffset since, CancellationToken ct) => throw new NotImplementedException();
}
