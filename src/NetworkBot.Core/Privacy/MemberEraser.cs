using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Core.Privacy;

/// <summary>
/// Erases a member (<see cref="IPrivacyStore.EraseMemberAsync"/>) after giving up the places they held at upcoming events,
/// so the first members on those waitlists move up and are told, as when anyone answers "not going". The store's erasure
/// alone would free the place and promote no one. Used by <c>/privacy delete</c>, a manager's deletion on request and
/// the retention step alike.
/// </summary>
public sealed class MemberEraser(IPrivacyStore privacyStore, IEventStore eventStore, IMemberStore memberStore)
{
    /// <summary>True when anything about the member was stored (and now is not).</summary>
    public async Task<bool> EraseAsync(Community community, MemberId member, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        foreach (var rsvp in await eventStore.ListMemberRsvpsAsync(community.Id, member, ct).ConfigureAwait(false))
        {
            if (rsvp.Status == RsvpStatus.Going
                && await eventStore.GetEventAsync(community.Id, rsvp.Event, ct).ConfigureAwait(false) is { Cancelled: false, Finished: false } ev
                && now < ev.End)
            {
                await GiveUpPlaceAsync(community, ev, member, now, ct).ConfigureAwait(false);
            }
        }

        return await privacyStore.EraseMemberAsync(community.Id, member, ErasedMember.NewId(), ct).ConfigureAwait(false);
    }

    private async Task GiveUpPlaceAsync(Community community, Event ev, MemberId member, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = (await eventStore.ListRsvpsAsync(community.Id, ev.Id, ct).ConfigureAwait(false))
            .Where(r => r.Status == RsvpStatus.Waitlisted)
            .Select(r => r.Member);
        var members = await memberStore.ByIdsAsync(community.Id, [.. waiting], ct).ConfigureAwait(false);
        await eventStore.RespondAsync(
            community.Id, ev.Id, member, RsvpStatus.NotGoing, now, outcome => EventCommands.Promotions(community, members, ev, outcome.Promoted, now), ct).ConfigureAwait(false);
    }
}
