using System.Text.Json.Nodes;
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
/// <remarks>
/// <c>chat.postMessage</c> has no idempotency key, so it is never simply repeated: every post carries metadata naming
/// its outbox key (<see cref="OutboxEventType"/>), its start is recorded before it is made (see
/// <see cref="DeliveryProgress"/>), and a retry of a post that began earlier — after a 5xx, a lost answer or a crash —
/// first reads the conversation's history since then and takes the post it finds. Each member of a group reached by
/// DM is recorded, so a retry sends only to those still to do.
/// </remarks>
public sealed class SlackPlatform(SlackApiClient api, IOutboxStore store, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackPlatform> logger)
    : IChatPlatform
{
    public const string PlatformName = "slack";

    /// <summary>The metadata event type of every post; its payload's <c>key</c> is the outbox key.</summary>
    public const string OutboxEventType = "networkbot_outbox";

    /// <summary>How long before an earlier attempt began a look-up starts, as Slack's clock and ours may differ.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

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

        var attempt = new DeliveryAttempt(message, store, time);
        var body = SlackRenderer.RenderMessage(message.Reply, options.Value.Command) with
        {
            Metadata = new SlackMessageMetadata(OutboxEventType, new JsonObject { ["key"] = message.Key }),
        };
        return target.Kind switch
        {
            MessageTargetKind.Channel when SlackIds.IsConversation(target.Channel) =>
                await attempt.PostOnceAsync(begun => SendAsync(() => PostAsync(target.Channel, body, message, begun, ct)), ct).ConfigureAwait(false),
            MessageTargetKind.Channel => new DeliveryResult.Failed($"'{target.Channel}' is not a Slack channel id; they look like C024BE91L."),
            MessageTargetKind.Member when target.Members.Count == 1 => await ToMemberAsync(attempt, target.Members[0], body, ct).ConfigureAwait(false),
            MessageTargetKind.Group when target.Members.Count is > 0 and <= SlackApiClient.MaxGroupDmUsers =>
                await ToGroupAsync(attempt, body, ct).ConfigureAwait(false),
            MessageTargetKind.Group when target.Members.Count > 0 => await ToEachMemberAsync(attempt, body, ct).ConfigureAwait(false),
            _ => new DeliveryResult.Failed($"A {target.Kind} message needs {(target.Kind == MessageTargetKind.Member ? "exactly one member" : "members")}; it has {target.Members.Count}."),
        };
    }

    /// <summary>
    /// One group DM. When Slack will not open it for these people (one of them deactivated, a guest who may not
    /// be added), each member who can be reached still gets the message by DM; once that began, retries go on with it.
    /// </summary>
    private async Task<DeliveryResult> ToGroupAsync(DeliveryAttempt attempt, SlackMessage body, CancellationToken ct)
    {
        var message = attempt.Message;
        if (message.Target.Members.Count == 1)
        {
            return await ToMemberAsync(attempt, message.Target.Members[0], body, ct).ConfigureAwait(false);
        }

        if (attempt.Progress.Recipients.Count == 0)
        {
            var result = await attempt.PostOnceAsync(
                begun => SendAsync(async () =>
                {
                    var channel = await api.OpenConversationAsync([.. message.Target.Members.Select(m => m.Value)], ct).ConfigureAwait(false);
                    return await PostAsync(channel, body, message, begun, ct).ConfigureAwait(false);
                }),
                ct).ConfigureAwait(false);
            if (result is not DeliveryResult.Failed failed)
            {
                return result;
            }

            SlackPlatformLog.GroupDmRefused(logger, message.Id, message.Community.Value, failed.Reason);
        }

        return await ToEachMemberAsync(attempt, body, ct).ConfigureAwait(false);
    }

    /// <summary>One DM per member; the message is done when each member got it or was given up on with a reason.</summary>
    private async Task<DeliveryResult> ToEachMemberAsync(DeliveryAttempt attempt, SlackMessage body, CancellationToken ct)
    {
        var message = attempt.Message;
        DeliveryResult.RetryLater? retry = null;
        foreach (var member in message.Target.Members)
        {
            var outcome = await ToMemberAsync(attempt, member, body, ct).ConfigureAwait(false);
            if (outcome switch { DeliveryResult.Failed f => f.Reason, DeliveryResult.RetryLater r => r.Reason, _ => null } is { } reason)
            {
                SlackPlatformLog.DirectMessageFailed(logger, member.Value, message.Id, message.Community.Value, reason);
            }

            retry ??= outcome as DeliveryResult.RetryLater;
        }

        return attempt.Progress.Outcome(message.Target.Members, retry, messageRef: null);
    }

    /// <summary>
    /// Posts to the member's DM, recorded per member (see <see cref="DeliveryAttempt.ToMemberAsync"/>): a first attempt
    /// posts to the user id, which Slack delivers in the app's DM with them (one call instead of <c>conversations.open</c>
    /// and a post, which matters for a reminder to thousands); a retry of a post that began opens the DM to read its history first.
    /// </summary>
    private Task<DeliveryResult> ToMemberAsync(DeliveryAttempt attempt, MemberId member, SlackMessage body, CancellationToken ct) =>
        attempt.ToMemberAsync(
            member,
            begun => SendAsync(async () =>
            {
                if (begun is null)
                {
                    return await api.PostMessageAsync(member.Value, body, threadTs: null, ct).ConfigureAwait(false);
                }

                var channel = await api.OpenConversationAsync([member.Value], ct).ConfigureAwait(false);
                return await PostAsync(channel, body, attempt.Message, begun, ct).ConfigureAwait(false);
            }),
            ct);

    /// <summary>
    /// Posts <paramref name="body"/> in <paramref name="channel"/>, unless a post of the message an earlier attempt began at
    /// <paramref name="begun"/> is in the conversation's history since then. A workspace that has not granted the
    /// history scopes refuses the look-up; the message is then posted (a duplicate is possible) rather than never.
    /// </summary>
    private async Task<SlackMessageRef> PostAsync(string channel, SlackMessage body, OutboxMessage message, DateTimeOffset? begun, CancellationToken ct)
    {
        if (begun is { } since)
        {
            try
            {
                await foreach (var earlier in api.ListHistoryAsync(channel, since - ClockSkew, ct).ConfigureAwait(false))
                {
                    if (earlier.Metadata is { EventType: OutboxEventType, EventPayload: var payload }
                        && payload["key"] is JsonValue value && value.TryGetValue<string>(out var key) && key == message.Key)
                    {
                        return new SlackMessageRef(channel, earlier.Ts);
                    }
                }
            }
            catch (SlackApiException e) when (!e.IsTransient && !e.IsRateLimited && !SlackApiErrors.IsAuthentication(e.Error))
            {
                SlackPlatformLog.LookupRefused(logger, channel, message.Id, message.Community.Value, e.Error);
            }
        }

        return await api.PostMessageAsync(channel, body, threadTs: null, ct).ConfigureAwait(false);
    }

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
