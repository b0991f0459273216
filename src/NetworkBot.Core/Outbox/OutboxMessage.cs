using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// A message decided on and stored, waiting to be delivered. <see cref="Key"/> is unique per community, so a
/// decision written twice is still sent once; the store assigns <see cref="Id"/>.
/// </summary>
public sealed record OutboxMessage(long Id, CommunityId Community, string Key, MessageTarget Target, Reply Reply, DateTimeOffset CreatedAt)
{
    /// <summary>Not delivered before this time (reminders); <see cref="CreatedAt"/> when not set.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>What earlier attempts already did, a <see cref="DeliveryProgress"/> as JSON saved with <see cref="IOutboxStore.SaveOutboxProgressAsync"/>; null at first.</summary>
    public string? Progress { get; init; }

    public static OutboxMessage Create(CommunityId community, string key, MessageTarget target, Reply reply, DateTimeOffset now) =>
        new(0, community, key, target, reply, now);
}
