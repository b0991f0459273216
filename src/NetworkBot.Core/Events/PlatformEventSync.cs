using System.Globalization;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Events;

/// <summary>
/// Keeps an event's counterpart on its platform (<see cref="IPlatformEvents"/>) in step after NetworkBot has saved
/// the event: stores the counterpart's reference, and when the platform lacks a permission a manager can give, tells
/// the managers through the outbox, at most once a day per event. The event in NetworkBot is never changed back.
/// On a platform without <see cref="IPlatformEvents"/> nothing happens.
/// </summary>
public sealed class PlatformEventSync(
    IMemberStore memberStore, IEventStore eventStore, IOutboxStore outboxStore, IEnumerable<IPlatformEvents> platforms)
{
    private readonly Dictionary<string, IPlatformEvents> byPlatform = platforms.ToDictionary(p => p.Platform, StringComparer.Ordinal);

    /// <summary>Makes or updates the counterpart; null when done or the platform has none, else why it failed.</summary>
    public Task<PlatformEventOutcome?> PublishAsync(Community community, Event ev, DateTimeOffset now, CancellationToken ct) =>
        SyncAsync(community, ev, cancel: false, now, ct);

    /// <summary>Cancels the counterpart; null when done or the platform has none, else why it failed.</summary>
    public Task<PlatformEventOutcome?> CancelAsync(Community community, Event ev, DateTimeOffset now, CancellationToken ct) =>
        SyncAsync(community, ev, cancel: true, now, ct);

    /// <summary>The line for the manager who made the change when it did not reach the platform; null when it did.</summary>
    public static string? Problem(PlatformEventOutcome? outcome, bool cancelled, Event ev, Language language) => outcome switch
    {
        null => null,
        _ when cancelled => EventTexts.PlatformEventNotCancelled.Format(language, ev.Title),
        PlatformEventOutcome.MissingPermission => EventTexts.PlatformEventNotPublishedPermission.Format(language, ev.Title),
        _ => EventTexts.PlatformEventNotPublished.Format(language, ev.Title),
    };

    private async Task<PlatformEventOutcome?> SyncAsync(Community community, Event ev, bool cancel, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ev);
        if (!byPlatform.TryGetValue(community.Id.Platform, out var platform))
        {
            return null;
        }

        var result = cancel
            ? await platform.CancelAsync(community, ev, ct).ConfigureAwait(false)
            : await platform.PublishAsync(community, ev, ct).ConfigureAwait(false);
        if (result.Ref is { } reference && reference != ev.PlatformRef)
        {
            await eventStore.SetEventPlatformRefAsync(community.Id, ev.Id, reference, ct).ConfigureAwait(false);
        }

        if (result.Succeeded)
        {
            return null;
        }

        if (result.Outcome == PlatformEventOutcome.MissingPermission)
        {
            var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var notices = await ManagerNotices.CreateAsync(memberStore, community, $"platform-event:{ev.Id}:{day}",
                language => new Reply(EventTexts.ManagerPlatformEventPermission.Format(language, ev.Title)) { IsError = true }, now, ct).ConfigureAwait(false);
            await outboxStore.EnqueueAsync(notices, ct).ConfigureAwait(false);
        }

        return result.Outcome;
    }
}
