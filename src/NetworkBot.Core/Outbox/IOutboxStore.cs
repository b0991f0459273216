using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// The outbox: messages waiting to be delivered by the <c>OutboxDispatcher</c>, with what each attempt did. Part of
/// <see cref="Storage.IStore"/>, which a storage provider implements.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Adds messages to the outbox; a message whose (community, key) is already there is ignored.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>
    /// Undelivered messages due at <paramref name="now"/>, communities taking turns (each one's oldest first, then each
    /// one's second…), so a community with a long backlog cannot fill the list before another's first message.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ListDueOutboxAsync(DateTimeOffset now, int max, CancellationToken ct);

    /// <summary>
    /// Claims for <paramref name="owner"/> until <paramref name="leaseUntil"/> at most <paramref name="max"/> of the
    /// messages due at <paramref name="now"/>, in the order of <see cref="ListDueOutboxAsync"/>, and returns them. Only
    /// communities where no other owner holds an unexpired claim give messages, so one community's messages go out from
    /// one instance at a time, in order; a claim of a dead instance expires with its lease and another claims the message
    /// again. Two owners claiming at once never get the same message. Recording an outcome (Mark…) ends the claim.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>
    /// When the community's newest message whose key starts with <paramref name="keyPrefix"/> was created, delivered or
    /// not; null when there is none. A cooldown on member-triggered posts reads it, so it holds across restarts.
    /// </summary>
    Task<DateTimeOffset?> LatestCreatedAtAsync(CommunityId community, string keyPrefix, CancellationToken ct);

    /// <summary>
    /// The community's message enqueued under <paramref name="key"/>, delivered or not, with what delivering it did
    /// (<see cref="OutboxMessage.Progress"/>); null when there is none. A message continuing an earlier one's conversation
    /// (<see cref="MessageTarget.Continues"/>) reads there where the earlier one went.
    /// </summary>
    Task<OutboxMessage?> GetOutboxAsync(CommunityId community, string key, CancellationToken ct);

    /// <summary>
    /// Deletes at most <paramref name="max"/> of the community's messages delivered before <paramref name="deliveredBefore"/>,
    /// oldest first; returns how many. Undelivered messages and failed ones stay. Delivered messages keep what they said
    /// about members, so they are kept only as long as the community keeps data (<see cref="Privacy.RetentionScheduler"/>).
    /// </summary>
    Task<int> PruneDeliveredAsync(CommunityId community, DateTimeOffset deliveredBefore, int max, CancellationToken ct);

    /// <summary>Ends every claim of <paramref name="owner"/>, so a stopping instance's waiting messages go out without waiting for their lease.</summary>
    Task ReleaseOutboxClaimsAsync(string owner, CancellationToken ct);

    Task MarkDeliveredAsync(long outboxId, string? messageRef, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Records what a delivery attempt already did or is about to do (see <see cref="DeliveryProgress"/>), so a later attempt
    /// of the same message, even after a crash, continues from there instead of doing it twice. See <see cref="OutboxMessage.Progress"/>.
    /// </summary>
    Task SaveOutboxProgressAsync(long outboxId, string progress, CancellationToken ct);

    /// <summary>Records a failed attempt; the message is due again at <paramref name="retryAt"/>, or never when null.</summary>
    Task MarkAttemptFailedAsync(long outboxId, string reason, DateTimeOffset? retryAt, CancellationToken ct);

    /// <summary>How many messages are still to be delivered, and the oldest due time among those due at <paramref name="now"/>; one cheap query.</summary>
    Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset now, CancellationToken ct);
}
