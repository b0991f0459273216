using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Events;

/// <summary>
/// The outbox messages of events and their keys. A key names the event, the occurrence (its start) or the edit
/// (its sequence), and the member, so each notice is stored — and sent — once, however often it is decided.
/// </summary>
public static class EventNotices
{
    /// <summary>The key prefix of everything about the event's current occurrence: <c>event:{id}:{start-unix}</c>.</summary>
    public static string Occurrence(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return $"event:{ev.Id}:{ev.Start.ToUnixTimeSeconds()}";
    }

    /// <summary>The card in the event's (else the community's) announcement channel, mentioning only the role the manager chose; null without a channel.</summary>
    public static OutboxMessage? Announcement(Event ev, Community community, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(community);
        if ((ev.Channel ?? community.Settings.AnnouncementChannel) is not { } channel)
        {
            return null;
        }

        var card = EventCard.Render(ev, [], community.Settings.Language) with { MentionRole = ev.MentionRole };
        return OutboxMessage.Create(community.Id, Occurrence(ev) + ":announce", MessageTarget.ToChannel(channel), card, now);
    }

    /// <summary>
    /// One private message to each of <paramref name="to"/> in their language (the community's when they chose
    /// none), keyed <c>{key}:{member}</c>.
    /// </summary>
    public static IReadOnlyList<OutboxMessage> ToMembers(
        Community community, IReadOnlyDictionary<MemberId, Member> members, IEnumerable<MemberId> to, string key, Func<Language, Reply> reply, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(reply);
        return to
            .Distinct()
            .Select(id => OutboxMessage.Create(
                community.Id,
                $"{key}:{id}",
                MessageTarget.ToMember(id),
                reply(members.GetValueOrDefault(id)?.Profile.Language ?? community.Settings.Language),
                now))
            .ToList();
    }

    /// <summary>The community's members by id, to address notices in each one's language.</summary>
    public static async Task<IReadOnlyDictionary<MemberId, Member>> MembersAsync(IMemberStore store, CommunityId community, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.ListMembersAsync(community, ct).ConfigureAwait(false)).ToDictionary(m => m.Id);
    }
}
