using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    public Task<CoffeeSchedule?> GetScheduleAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<CommunityId>> ListCoffeeCommunitiesAsync(CancellationToken ct) => throw new NotImplementedException();

    public Task SaveScheduleAsync(CoffeeSchedule schedule, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task SaveRoundAsync(RoundRecord round, RoundBasis basis, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<RoundRecord>> ListRoundsAsync(CommunityId community, int limit, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<RoundRecord>> ListMemberRoundsAsync(CommunityId community, MemberId member, int limit, CancellationToken ct) => throw new NotImplementedException();

    public Task<RoundRecord?> GetRoundAsync(CommunityId community, RoundId round, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<RoundRecord>> ListOpenRoundsAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();

    public Task<RoundRecord?> FindGroupAsync(CommunityId community, GroupId group, CancellationToken ct) => throw new NotImplementedException();

    public Task UpdateRoundAsync(Round round, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task AddGroupMemberAsync(CommunityId community, GroupId group, MemberId member, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task RecordAnswerAsync( CommunityId community, GroupAnswer answer, MeetingOutcome groupOutcome, int groupVersion, IReadOnlyList<Connection> connections, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<GroupAnswer>> ListAnswersAsync(CommunityId community, RoundId round, CancellationToken ct) => throw new NotImplementedException();

    public Task CloseRoundAsync(Round round, IReadOnlyList<Member> members, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> AddBlockAsync(CommunityId community, Block block, CancellationToken ct) => throw new NotImplementedException();

    public Task<bool> RemoveBlockAsync(CommunityId community, Block block, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<MemberId>> ListBlockedAsync(CommunityId community, MemberId blocker, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<Block>> ListBlocksAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();

    public Task SavePairWishesAsync(CommunityId community, MemberId member, IReadOnlyList<MemberId> others, DateTimeOffset at, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<(MemberId Member, MemberId Other)>> ListPairWishesAsync(CommunityId community, CancellationToken ct) => throw new NotImplementedException();
}
