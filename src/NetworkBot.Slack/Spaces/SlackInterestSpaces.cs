using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.Spaces;

/// <summary>
/// An interest group on Slack: a public channel (Slack has no roles, so <see cref="InterestSpaceResult.RoleRef"/>
/// stays null). Joining invites the member, leaving removes them; the bot is in every channel it made. A name
/// already taken by a live public channel reuses that channel (a manager who made <c>#rust</c> by hand wants it
/// used); otherwise the name gets a number.
/// </summary>
public sealed class SlackInterestSpaces(SlackApiClient api, ILogger<SlackInterestSpaces> logger) : IInterestSpaces
{
    /// <summary>How many numbered names (<c>name-2</c> …) are tried when a name is taken by an archived or private channel.</summary>
    public const int MaxNameAttempts = 5;

    public string Platform => SlackPlatform.PlatformName;

    public async Task<InterestSpaceResult> EnsureAsync(Community community, Interest interest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(interest);
        if (interest.ChannelRef is { } existing)
        {
            return InterestSpaceResult.Done(channelRef: existing);
        }

        try
        {
            var channel = await CreateOrReuseAsync(SlackChannelNames.From(interest.Name), ct).ConfigureAwait(false);
            return InterestSpaceResult.Done(channelRef: channel.Id);
        }
        catch (Exception e) when (OutcomeOf(e, ct) is { } outcome)
        {
            SlackInterestSpacesLog.Refused(logger, "create the channel", interest.Id.Value, community.Id.Value, outcome.ToString(), Reason(e));
            return new InterestSpaceResult(outcome);
        }
    }

    public async Task<InterestSpaceResult> AddMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(interest);
        return await ChangeAsync(community, interest, member, "invite the member", async channel =>
        {
            try
            {
                await api.InviteAsync(channel, [member.Value], ct).ConfigureAwait(false);
            }
            catch (SlackApiException e) when (e.Error == SlackApiErrors.NotInChannel)
            {
                // The bot left (or was removed from) the channel; it may join a public channel again and invite.
                await api.JoinConversationAsync(channel, ct).ConfigureAwait(false);
                await api.InviteAsync(channel, [member.Value], ct).ConfigureAwait(false);
            }
        }, done: [SlackApiErrors.AlreadyInChannel, SlackApiErrors.CantInviteSelf], ct).ConfigureAwait(false);
    }

    public async Task<InterestSpaceResult> RemoveMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(interest);
        return await ChangeAsync(community, interest, member, "remove the member", channel => api.KickAsync(channel, member.Value, ct),
            done: [SlackApiErrors.NotInChannel, SlackApiErrors.CantKickSelf], ct).ConfigureAwait(false);
    }

    private async Task<InterestSpaceResult> ChangeAsync(
        Community community, Interest interest, MemberId member, string action, Func<string, Task> change, string[] done, CancellationToken ct)
    {
        if (interest.ChannelRef is not { } channel)
        {
            return InterestSpaceResult.NoSpace;
        }

        if (!SlackIds.IsUser(member.Value) || !SlackIds.IsConversation(channel))
        {
            return new InterestSpaceResult(InterestSpaceOutcome.NotFound, ChannelRef: channel);
        }

        try
        {
            await change(channel).ConfigureAwait(false);
            return InterestSpaceResult.Done(channelRef: channel);
        }
        catch (SlackApiException e) when (done.Contains(e.Error))
        {
            return InterestSpaceResult.Done(channelRef: channel);
        }
        catch (Exception e) when (OutcomeOf(e, ct) is { } outcome)
        {
            SlackInterestSpacesLog.Refused(logger, action, interest.Id.Value, community.Id.Value, outcome.ToString(), Reason(e));
            return new InterestSpaceResult(outcome, ChannelRef: channel);
        }
    }

    private async Task<SlackConversation> CreateOrReuseAsync(string name, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var candidate = attempt == 1 ? name : SlackChannelNames.WithSuffix(name, attempt);
            try
            {
                return await api.CreateConversationAsync(candidate, isPrivate: false, ct).ConfigureAwait(false);
            }
            catch (SlackApiException e) when (e.Error == SlackApiErrors.NameTaken && attempt < MaxNameAttempts)
            {
                if (await FindPublicChannelAsync(candidate, ct).ConfigureAwait(false) is { } taken)
                {
                    SlackInterestSpacesLog.Reusing(logger, taken.Id);
                    return taken.IsMember ? taken : await api.JoinConversationAsync(taken.Id, ct).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The live public channel called <paramref name="name"/>; null when the name belongs to an archived or private one.</summary>
    private async Task<SlackConversation?> FindPublicChannelAsync(string name, CancellationToken ct)
    {
        await foreach (var channel in api.ListPublicChannelsAsync(ct).ConfigureAwait(false))
        {
            if (string.Equals(channel.Name, name, StringComparison.Ordinal) && !channel.IsArchived)
            {
                return channel;
            }
        }

        return null;
    }

    /// <summary>
    /// The neutral outcome of an expected failure; null for a bug or a cancellation, which propagate. A name still
    /// taken after <see cref="MaxNameAttempts"/> numbered tries counts as something a manager must fix (rename or
    /// unarchive the channels in the way), like a missing permission.
    /// </summary>
    private static InterestSpaceOutcome? OutcomeOf(Exception e, CancellationToken ct) => e switch
    {
        SlackApiException api when api.IsTransient || SlackApiErrors.IsAuthentication(api.Error) => InterestSpaceOutcome.Unavailable,
        SlackApiException api when SlackApiErrors.IsPermission(api.Error) || api.Error == SlackApiErrors.NameTaken => InterestSpaceOutcome.MissingPermissionOrHierarchy,
        SlackApiException api when api.Error is SlackApiErrors.ChannelNotFound or SlackApiErrors.UserNotFound or SlackApiErrors.UserDisabled
            or SlackApiErrors.IsArchived or SlackApiErrors.NotInChannel => InterestSpaceOutcome.NotFound,
        SlackApiException => InterestSpaceOutcome.Unavailable,
        HttpRequestException => InterestSpaceOutcome.Unavailable,
        TaskCanceledException when !ct.IsCancellationRequested => InterestSpaceOutcome.Unavailable, // HttpClient's timeout
        _ => null,
    };

    private static string Reason(Exception e) => e is SlackApiException ? e.Message : e.GetType().Name;
}
