using System.Collections.Concurrent;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Tests.Outbox;

/// <summary>The real outbox store, telling the test when an outcome of a message was recorded.</summary>
public sealed class SignallingOutboxStore(IOutboxStore inner) : IOutboxStore
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource> recorded = new();
    private int claims;

    /// <summary>How many times the outbox was claimed from.</summary>
    public int Claims => Volatile.Read(ref claims);

    /// <summary>Completes once an outcome (delivered, retry, failure) of message <paramref name="id"/> was recorded.</summary>
    public Task RecordedAsync(long id) => Recorded(id).Task.WaitAsync(TimeSpan.FromSeconds(10));

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => inner.EnqueueAsync(messages, ct);

    public Task<IReadOnlyList<OutboxMessage>> ListDueOutboxAsync(DateTimeOffset now, int max, CancellationToken ct) => inner.ListDueOutboxAsync(now, max, ct);

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        Interlocked.Increment(ref claims);
        return inner.ClaimDueOutboxAsync(now, max, owner, leaseUntil, ct);
    }

    public Task<DateTimeOffset?> LatestCreatedAtAsync(CommunityId community, string keyPrefix, CancellationToken ct) =>
        inner.LatestCreatedAtAsync(community, keyPrefix, ct);

    public Task<OutboxMessage?> GetOutboxAsync(CommunityId community, string key, CancellationToken ct) => inner.GetOutboxAsync(community, key, ct);

    public Task<int> PruneDeliveredAsync(CommunityId community, DateTimeOffset deliveredBefore, int max, CancellationToken ct) =>
        inner.PruneDeliveredAsync(community, deliveredBefore, max, ct);

    public Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset now, CancellationToken ct) => inner.GetOutboxBacklogAsync(now, ct);

    public Task ReleaseOutboxClaimsAsync(string owner, CancellationToken ct) => inner.ReleaseOutboxClaimsAsync(owner, ct);

    public Task SaveOutboxProgressAsync(long outboxId, string progress, CancellationToken ct) => inner.SaveOutboxProgressAsync(outboxId, progress, ct);

    public async Task MarkDeliveredAsync(long outboxId, string? messageRef, DateTimeOffset at, CancellationToken ct)
    {
        await inner.MarkDeliveredAsync(outboxId, messageRef, at, ct);
        Recorded(outboxId).TrySetResult();
    }

    public async Task MarkAttemptFailedAsync(long outboxId, string reason, DateTimeOffset? retryAt, CancellationToken ct)
    {
        await inner.MarkAttemptFailedAsync(outboxId, reason, retryAt, ct);
        Recorded(outboxId).TrySetResult();
    }

    private TaskCompletionSource Recorded(long id) => recorded.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
