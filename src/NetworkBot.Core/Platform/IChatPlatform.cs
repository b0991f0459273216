using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;

namespace NetworkBot.Core.Platform;

/// <summary>One chat platform (Discord, Slack, the local shell) as seen by Core: it delivers outgoing messages.</summary>
public interface IChatPlatform
{
    /// <summary>The <see cref="CommunityId.Platform"/> prefix this adapter serves, e.g. <c>discord</c>.</summary>
    string Platform { get; }

    Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct);
}
