using System.Globalization;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Events;

/// <summary>
/// Keeps an event's counterpart on its platform (<see cref="IPlatformEvents"/>) in step with the event through the
/// outbox: every change saves a <see cref="MessageTargetKind.PlatformEvent"/> intent in the event's own transaction
/// (<see cref="Intents"/>), so a crash right after the commit loses nothing. Delivering it reads the event as stored
/// then, so intents delivered late or out of order still end where the data is; the platform looks for a counterpart an
/// interrupted attempt made before making one, and the reference is recorded, so there is exactly one. When the platform
/// lacks a permission a manager can give, the managers are told, at most once a day per event. The event in NetworkBot
/// is never changed back. On a platform without <see cref="IPlatformEvents"/> no intent is saved.
/// </summary>
public sealed class PlatformEventSync(
    ICommunityStore communityStore, IMemberStore memberStore, IEventStore eventStore, IOutboxStore outboxStore,
    IEnumerable<IPlatformEvents> platforms, TimeProvider time)
{
    /// <summary>How long an intent waits after the platform did not answer or asked to wait.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IPlatformEvents> byPlatform = platforms.ToDictionary(p => p.Platform, StringComparer.Ordinal);

    /// <summary>
    /// The intent to save with <paramref name="ev"/>'s change (made, edited, cancelled, moved to its next occurrence); none
    /// where the community's platform has no events. The key names the occurrence and the edit, so each change is one intent.
    /// </summary>
    public static IReadOnlyList<OutboxMessage> Intents(IEnumerable<IPlatformEvents> platforms, Community community, Event ev, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ev);
        return platforms.Any(p => p.Platform == community.Id.Platform)
            ? [OutboxMessage.Create(community.Id, $"{EventNotices.Occurrence(ev)}:s{ev.Sequence}:platform", MessageTarget.ToPlatformEvent(ev.Id), new Reply(string.Empty), now)]
            : [];
    }

    /// <summary>Publishes the event as stored now, or cancels its counterpart when the event is cancelled, and records the reference.</summary>
    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Target is not { Kind: MessageTargetKind.PlatformEvent, Event: { } id })
        {
            return new DeliveryResult.Failed("A platform event entry needs an event.");
        }

        if (!byPlatform.TryGetValue(message.Community.Platform, out var platform)
            || await communityStore.GetCommunityAsync(message.Community, ct).ConfigureAwait(false) is not { } community
            || await eventStore.GetEventAsync(community.Id, new EventId(id), ct).ConfigureAwait(false) is not { } ev)
        {
            return new DeliveryResult.Delivered(null);
        }

        var result = ev.Cancelled
            ? await platform.CancelAsync(community, ev, ct).ConfigureAwait(false)
            : await platform.PublishAsync(community, ev, ct).ConfigureAwait(false);
        if (result.Ref is { } reference && reference != ev.PlatformRef)
        {
            await eventStore.SetEventPlatformRefAsync(community.Id, ev.Id, reference, ct).ConfigureAwait(false);
        }

        switch (result.Outcome)
        {
            case PlatformEventOutcome.Done:
                return new DeliveryResult.Delivered(result.Ref);
            case PlatformEventOutcome.Unavailable:
                return new DeliveryResult.RetryLater(RetryAfter, "the platform did not change the event just now");
            case PlatformEventOutcome.MissingPermission:
                var now = time.GetUtcNow();
                var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var notices = await ManagerNotices.CreateAsync(memberStore, community, $"platform-event:{ev.Id}:{day}",
                    language => new Reply(EventTexts.ManagerPlatformEventPermission.Format(language, ev.Title)) { IsError = true }, now, ct).ConfigureAwait(false);
                await outboxStore.EnqueueAsync(notices, ct).ConfigureAwait(false);
                break;
        }

        return new DeliveryResult.Failed($"the platform refused the event: {result.Outcome}");
    }
}
