using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<OutboxMessage>> ListDueOutboxAsync(DateTimeOffset now, int max, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct) => throw new NotImplementedException();

    public Task<DateTimeOffset?> LatestCreatedAtAsync(CommunityId community, string keyPrefix, CancellationToken ct) => throw new NotImplementedException();

    public Task ReleaseOutboxClaimsAsync(string owner, CancellationToken ct) => throw new NotImplementedException();

    public Task MarkDeliveredAsync(long outboxId, string? messageRef, DateTimeOffset at, CancellationToken ct) => throw new NotImplementedException();

    public Task SaveOutboxProgressAsync(long outboxId, string progress, CancellationToken ct) => throw new NotImplementedException();

    public Task MarkAttemptFailedAsync(long outboxId, string reason, DateTimeOffset? retryAt, CancellationToken ct) => throw new NotImplementedException();

    public Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset now, CancellationToken ct) => throw new NotImplementedException();
}
