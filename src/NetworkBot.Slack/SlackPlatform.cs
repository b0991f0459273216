using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack;

/// <summary>
/// Delivers outbox messages of <c>slack:&lt;team id&gt;</c> communities: to a channel, by DM to a member, or to a group
/// in one group DM (Slack's private conversation for 2–8 people; larger groups get a DM each). The message
/// reference is <c>&lt;channel&gt;/&lt;ts&gt;</c>, what <c>chat.update</c> needs.
/// </summary>
public sealed class SlackPlatform(SlackApiClient api, IOptions<SlackOptions> options, ILogger<SlackPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "slack";

    public string Platform => PlatformName;

    /// <summary>The community of a Slack workspace.</summary>
    public static CommunityId CommunityFor(string teamId) => CommunityId.For(PlatformName, teamId);

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = message.Target;
        if (target.Members.Where(m => !SlackIds.IsUser(m.Value)).Select(m => m.Value).ToList() is [var bad, ..])
        {
            return new DeliveryResult.Failed($"'{bad}' is not a Slack user id; they look like U024BE7LH.");
        }

        var body = SlackRenderer.RenderMessage(message.Reply, options.Value.Command);
        return target.Kind switch
        {
            MessageTargetKind.Channel when SlackIds.IsConversation(target.Channel) =>
                await SendAsync(() => api.PostMessageAsync(target.Channel, body, threadTs: null, ct)).ConfigureAwait(false),
            MessageTargetKind.Channel => new DeliveryResult.Failed($"'{target.Channel}' is not a Slack channel id; they look like C024BE91L."),
            MessageTargetKind.Member when target.Members.Count == 1 => await ToMembersAsync(target.Members, body, ct).ConfigureAwait(false),
            MessageTargetKind.Group when target.Members.Count is > 0 and <= SlackApiClient.MaxGroupDmUsers =>
                await ToGroupAsync(message, body, ct).ConfigureAwait(false),
            MessageTargetKind.Group when target.Members.Count > 0 => await ToEachMemberAsync(message, body, ct).ConfigureAwait(false),
            _ => new DeliveryResult.Failed($"A {target.Kind} message needs {(target.Kind == MessageTargetKind.Member ? "exactly one member" : "members")}; it has {target.Members.Count}."),
        };
    }

    /// <summary>
    /// One group DM. When Slack will not open it for these people (one of them deactivated, a guest who may not
    /// be added), each member who can be reached still gets the message by DM.
    /// </summary>
    private async Task<DeliveryResult> ToGroupAsync(OutboxMessage message, SlackMessage body, CancellationToken ct)
    {
        var result = await ToMembersAsync(message.Target.Members, body, ct).ConfigureAwait(false);
        if (result is not DeliveryResult.Failed failed || message.Target.Members.Count == 1)
        {
            return result;
        }

        SlackPlatformLog.GroupDmRefused(logger, message.Id, message.Community.Value, failed.Reason);
        return await ToEachMemberAsync(message, body, ct).ConfigureAwait(false);
    }

    /// <summary>One DM per member: delivered when anyone got it (the first one's reference), otherwise the first retry, else the first failure.</summary>
    private async Task<DeliveryResult> ToEachMemberAsync(OutboxMessage message, SlackMessage body, CancellationToken ct)
    {
        var outcomes = new List<DeliveryResult>(message.Target.Members.Count);
        foreach (var member in message.Target.Members)
        {
            var outcome = await ToMembersAsync([member], body, ct).ConfigureAwait(false);
            if (outcome switch { DeliveryResult.Failed f => f.Reason, DeliveryResult.RetryLater r => r.Reason, _ => null } is { } reason)
            {
                SlackPlatformLog.DirectMessageFailed(logger, member.Value, message.Id, message.Community.Value, reason);
            }

            outcomes.Add(outcome);
        }

        return outcomes.OfType<DeliveryResult.Delivered>().FirstOrDefault()
            ?? outcomes.OfType<DeliveryResult.RetryLater>().FirstOrDefault()
            ?? outcomes[0];
    }

    /// <summary>Opens the DM (one member) or group DM (several) and posts into it.</summary>
    private Task<DeliveryResult> ToMembersAsync(IReadOnlyList<MemberId> members, SlackMessage body, CancellationToken ct) =>
        SendAsync(async () =>
        {
            var channel = await api.OpenConversationAsync([.. members.Select(m => m.Value)], ct).ConfigureAwait(false);
            return await api.PostMessageAsync(channel, body, threadTs: null, ct).ConfigureAwait(false);
        });

    private static async Task<DeliveryResult> SendAsync(Func<Task<SlackMessageRef>> send)
    {
        try
        {
            var sent = await send().ConfigureAwait(false);
            return new DeliveryResult.Delivered(sent.ToString());
        }
        catch (SlackApiException e)
        {
            return SlackDeliveryResults.From(e);
        }
    }
}
