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
                await EventCommands.AnswerAsync(eventStore, memberStore, community, ev, member, RsvpStatus.NotGoing, now, ct).ConfigureAwait(false);
            }
        }

        return await privacyStore.EraseMemberAsync(community.Id, member, ErasedMember.NewId(), ct).ConfigureAwait(false);
    }
}
