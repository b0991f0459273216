using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Admin;

/// <summary>Messages for a community's managers, to go through the outbox.</summary>
public static class ManagerNotices
{
    /// <summary>
    /// One private message to each of <see cref="CommunitySettings.Managers"/>, in their language (the
    /// community's when they chose none); none when the community names no managers. Keys are
    /// <c>{key}:{manager}</c>, so the same notice is sent once.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMessage>> CreateAsync(
        IMemberStore store, Community community, string key, Func<Language, Reply> reply, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(reply);
        var result = new List<OutboxMessage>();
        foreach (var manager in community.Settings.Managers)
        {
            var member = await store.GetMemberAsync(community.Id, manager, ct).ConfigureAwait(false);
            var language = member?.Profile.Language ?? community.Settings.Language;
            result.Add(OutboxMessage.Create(community.Id, $"{key}:{manager}", MessageTarget.ToMember(manager), reply(language), now));
        }

        return result;
    }
}
