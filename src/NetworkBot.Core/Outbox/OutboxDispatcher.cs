using Microsoft.Extensions.Logging;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Telemetry;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// Delivers stored outbox messages through the adapter of each message's platform and records the outcome,
/// so a decision written once is sent once even across restarts. Interest space entries and intents are no messages: they
/// go to <see cref="InterestSpaceSync"/> (a space, a member's role or channel) and <see cref="PlatformEventSync"/> (an event's counterpart).
/// </summary>
public sealed class OutboxDispatcher(
    IOutboxStore store, IEnumerable<IChatPlatform> platforms, InterestSpaceSync spaces, PlatformEventSync events, BotMetrics metrics, TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 100;

    /// <summary>How long a message waits when its platform is not configured or its adapter threw.</summary>
    public static readonly TimeSpan UnavailableDelay = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, IChatPlatform> byPlatform = platforms.ToDictionary(p => p.Platform, StringComparer.Ordinal);

    /// <summary>Delivers what is due now, one batch; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var due = await store.ListDueOutboxAsync(time.GetUtcNow(), BatchSize, ct).ConfigureAwait(false);
        var delivered = 0;
        foreach (var message in due)
        {
            var result = await DeliverAsync(message, ct).ConfigureAwait(false);
            metrics.Delivered(message.Community.Platform, result);
            var community = message.Community.Value;
            switch (result)
            {
                case DeliveryResult.Delivered sent:
                    await store.MarkDeliveredAsync(message.Id, sent.MessageRef, time.GetUtcNow(), ct).ConfigureAwait(false);
                    OutboxLog.Delivered(logger, message.Id, community);
                    delivered++;
                    break;
                case DeliveryResult.RetryLater retry:
                    var retryAt = time.GetUtcNow() + retry.After;
                    await store.MarkAttemptFailedAsync(message.Id, retry.Reason, retryAt, ct).ConfigureAwait(false);
                    OutboxLog.Retrying(logger, message.Id, community, retryAt, retry.Reason);
                    break;
                case DeliveryResult.Failed failed:
                    await store.MarkAttemptFailedAsync(message.Id, failed.Reason, retryAt: null, ct).ConfigureAwait(false);
                    OutboxLog.GaveUp(logger, message.Id, community, failed.Reason);
                    break;
            }
        }

        return delivered;
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Target.Kind is MessageTargetKind.InterestSpace or MessageTargetKind.InterestSpaceSetup)
        {
            return await GuardedAsync(message, () => spaces.DeliverAsync(message, ct), ct).ConfigureAwait(false);
        }

        if (message.Target.Kind == MessageTargetKind.PlatformEvent)
        {
            return await GuardedAsync(message, () => events.DeliverAsync(message, ct), ct).ConfigureAwait(false);
        }

        if (!byPlatform.TryGetValue(message.Community.Platform, out var platform))
        {
            return new DeliveryResult.RetryLater(UnavailableDelay, $"platform '{message.Community.Platform}' is not configured");
        }

        return await GuardedAsync(message, () => platform.DeliverAsync(message, ct), ct).ConfigureAwait(false);
    }

    /// <summary>A delivery that throws (a bug, a broken store) is retried later and never stops the batch.</summary>
    private async Task<DeliveryResult> GuardedAsync(OutboxMessage message, Func<Task<DeliveryResult>> deliver, CancellationToken ct)
    {
        try
        {
            return await deliver().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            OutboxLog.Threw(logger, exception, message.Id, message.Community.Value);
            return new DeliveryResult.RetryLater(UnavailableDelay, exception.GetType().Name);
        }
    }
}
