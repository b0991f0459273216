using System.Collections.Concurrent;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.Bot;

/// <summary>
/// Who is asking, as Core needs it: the workspace's community, the member by the name Slack shows for them, and — for a
/// manager-only command — whether Slack says they administer the workspace (<c>users.info</c> <c>is_admin</c>/<c>is_owner</c>).
/// A request carries only the legacy handle (<c>user_name</c>, "aiko.tanaka"), so a new member's name comes from
/// <c>users.info</c>; when Slack would not say, the name stays as stored, or is the handle for someone new. Answers
/// of <c>users.info</c> are kept for <see cref="CacheFor"/>.
/// </summary>
public sealed class SlackCallers(SlackApiClient api, IStore store, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (SlackUser? User, DateTimeOffset At)> users = new(StringComparer.Ordinal);

    public async Task<CommandRequest> RequestAsync(
        string teamId, string userId, string? userName, CommandInvocation invocation, string? channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var (community, member) = (SlackPlatform.CommunityFor(teamId), new MemberId(userId));
        var stored = await store.GetMemberAsync(community, member, ct).ConfigureAwait(false);
        var managerOnly = CommandTable.Find(invocation.Path) is { ManagerOnly: true };

        // users.info (Tier 4) is asked only when its answer matters: for a manager command, and to name someone the
        // first time (or again while they are known only by their handle). A rush of known members costs no call.
        var user = managerOnly || stored is null || stored.DisplayName == userName
            ? await UserAsync(userId, ct).ConfigureAwait(false)
            : null;
        var manager = managerOnly && user is { IsWorkspaceManager: true };
        var name = user?.ShownName ?? stored?.DisplayName ?? userName ?? string.Empty;
        return new CommandRequest(community, member, name, invocation.Path, invocation.Options)
        {
            Channel = channel,
            CallerIsPlatformManager = manager,
        };
    }

    /// <summary>The user as <c>users.info</c> describes them; null when Slack would not say.</summary>
    public async Task<SlackUser?> UserAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (users.TryGetValue(userId, out var cached) && now - cached.At < CacheFor)
        {
            return cached.User;
        }

        SlackUser? user;
        try
        {
            user = await api.GetUserAsync(userId, ct).ConfigureAwait(false);
        }
        catch (SlackApiException)
        {
            // Not knowing means not a manager; the client has logged why.
            user = null;
        }

        users[userId] = (user, now);
        return user;
    }

    /// <summary>The language NetworkBot speaks with the member: theirs, else their community's, else English.</summary>
    public async Task<Language> LanguageAsync(CommunityId community, MemberId member, CancellationToken ct)
    {
        var stored = await store.GetMemberAsync(community, member, ct).ConfigureAwait(false);
        if (stored?.Profile.Language is { } own)
        {
            return own;
        }

        return (await store.GetCommunityAsync(community, ct).ConfigureAwait(false))?.Settings.Language ?? Language.En;
    }
}
