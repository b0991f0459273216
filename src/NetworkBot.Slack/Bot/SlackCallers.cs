using System.Collections.Concurrent;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.Bot;

/// <summary>
/// Who is asking, as Core needs it: the workspace's community, the member, and — only for a manager-only command —
/// whether Slack says they administer the workspace (<c>users.info</c> <c>is_admin</c>/<c>is_owner</c>). Answers of
/// <c>users.info</c> are kept for <see cref="CacheFor"/>, so a manager clicking through admin commands costs one call.
/// </summary>
public sealed class SlackCallers(SlackApiClient api, IStore store, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (SlackUser? User, DateTimeOffset At)> users = new(StringComparer.Ordinal);

    public async Task<CommandRequest> RequestAsync(
        string teamId, string userId, string? userName, CommandInvocation invocation, string? channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var manager = CommandTable.Find(invocation.Path) is { ManagerOnly: true }
            && await UserAsync(userId, ct).ConfigureAwait(false) is { IsWorkspaceManager: true };
        return new CommandRequest(SlackPlatform.CommunityFor(teamId), new MemberId(userId), userName ?? string.Empty, invocation.Path, invocation.Options)
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
