using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord;

/// <summary>
/// Delivers outbox messages of <c>discord:</c> communities: to a channel, by DM to a member, or to a group in a
/// private thread (by DM to each member when there is no channel or the bot may not start threads there).
/// Every message carries a nonce derived from the outbox message, so a resend after a crash is de-duplicated
/// by Discord's <c>enforce_nonce</c>.
/// </summary>
public sealed class DiscordPlatform(DiscordRestClient rest, IOutboxStore store, ILogger<DiscordPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "discord";
    public const string DefaultThreadName = "Coffee chat";
    public const int MaxThreadNameLength = 100;

    /// <summary>The <see cref="OutboxMessage.Progress"/> of a group message whose thread exists: <c>thread:</c> and its id.</summary>
    public const string ThreadProgress = "thread:";

    /// <summary>Refusals of a thread that mean "not here" rather than "not now": the members are reached by DM instead.</summary>
    private static readonly HashSet<int> ThreadRefusals =
    [
        DiscordApiError.MissingAccess,
        DiscordApiError.MissingPermissions,
        50024, // Cannot execute action on this channel type (not a text channel).
        160002, // A thread-specific permission refusal; handled like 50013.
        160006, // Maximum number of active threads reached.
    ];

    public string Platform => PlatformName;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var target = message.Target;

        // A DM carries no guild back when its buttons are pressed, so components that may land in one name their server.
        var payload = DiscordRenderer.RenderPayload(message.Reply, target.Kind == MessageTargetKind.Channel ? null : GuildOf(message.Community));
        return target.Kind switch
        {
            MessageTargetKind.Channel => await ToChannelAsync(message, payload, ct).ConfigureAwait(false),
            MessageTargetKind.Member when target.Members.Count == 1 =>
                await ToMemberAsync(message, target.Members[0], payload, ct).ConfigureAwait(false),
            MessageTargetKind.Group when target.Members.Count > 0 => await ToGroupAsync(message, payload, ct).ConfigureAwait(false),
            _ => new DeliveryResult.Failed($"A {target.Kind} message needs {(target.Kind == MessageTargetKind.Member ? "exactly one member" : "members")}; it has {target.Members.Count}."),
        };
    }

    private async Task<DeliveryResult> ToChannelAsync(OutboxMessage message, DiscordMessagePayload payload, CancellationToken ct)
    {
        if (!TryParseId(message.Target.Channel, out var channel))
        {
            return NotAnId("channel", message.Target.Channel);
        }

        return await SendAsync(async () =>
        {
            var sent = await rest.CreateMessageAsync(channel, payload, Nonce(message), ct).ConfigureAwait(false);
            return new DeliveryResult.Delivered(sent.Id.ToString());
        }).ConfigureAwait(false);
    }

    private async Task<DeliveryResult> ToMemberAsync(OutboxMessage message, MemberId member, DiscordMessagePayload payload, CancellationToken ct)
    {
        if (!TryParseId(member.Value, out var user))
        {
            return NotAnId("member", member.Value);
        }

        return await SendAsync(async () =>
        {
            var dm = await rest.CreateDmAsync(user, ct).ConfigureAwait(false);
            var sent = await rest.CreateMessageAsync(dm.Id, payload, Nonce(message, member), ct).ConfigureAwait(false);
            return new DeliveryResult.Delivered(sent.Id.ToString());
        }).ConfigureAwait(false);
    }

    private async Task<DeliveryResult> ToGroupAsync(OutboxMessage message, DiscordMessagePayload payload, CancellationToken ct)
    {
        if (message.Target.Channel is null)
        {
            return await ToEachMemberAsync(message, payload, ct).ConfigureAwait(false);
        }

        if (!TryParseId(message.Target.Channel, out var channel))
        {
            return NotAnId("channel", message.Target.Channel);
        }

        Snowflake thread;
        try
        {
            thread = await ThreadOfAsync(message, channel, ct).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.Error.Code is { } code && ThreadRefusals.Contains(code))
        {
            DiscordPlatformLog.ThreadRefused(logger, channel.ToString(), message.Id, message.Community.Value, code);
            return await ToEachMemberAsync(message, payload, ct).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            return DiscordDeliveryResults.From(e);
        }
        catch (DiscordRateLimitedException e)
        {
            return DiscordDeliveryResults.From(e);
        }

        foreach (var member in message.Target.Members)
        {
            var added = !TryParseId(member.Value, out var user)
                ? NotAnId("member", member.Value)
                : await SendAsync(async () =>
                {
                    await rest.AddThreadMemberAsync(thread, user, ct).ConfigureAwait(false);
                    return new DeliveryResult.Delivered(null);
                }).ConfigureAwait(false);
            if (Reason(added) is { } reason)
            {
                // The thread exists now; the others still get the message rather than a second thread on retry.
                DiscordPlatformLog.ThreadMemberNotAdded(logger, member.Value, thread.ToString(), message.Id, message.Community.Value, reason);
            }
        }

        return await SendAsync(async () =>
        {
            var sent = await rest.CreateMessageAsync(thread, payload, Nonce(message), ct).ConfigureAwait(false);
            return new DeliveryResult.Delivered(sent.Id.ToString());
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The group's private thread: the one an earlier attempt made (saved before anything else happens in it, so a
    /// crash right after creating it cannot lead to a second thread), or a new one.
    /// </summary>
    private async Task<Snowflake> ThreadOfAsync(OutboxMessage message, Snowflake channel, CancellationToken ct)
    {
        if (message.Progress is { } progress && progress.StartsWith(ThreadProgress, StringComparison.Ordinal)
            && Snowflake.TryParse(progress[ThreadProgress.Length..], out var made))
        {
            return made;
        }

        var thread = await rest.StartPrivateThreadAsync(channel, ThreadName(message.Reply), ct).ConfigureAwait(false);
        await store.SaveOutboxProgressAsync(message.Id, ThreadProgress + thread.Id, ct).ConfigureAwait(false);
        return thread.Id;
    }

    /// <summary>One DM per member: delivered when anyone got it, otherwise the first member's outcome (a retry before a failure).</summary>
    private async Task<DeliveryResult> ToEachMemberAsync(OutboxMessage message, DiscordMessagePayload payload, CancellationToken ct)
    {
        var outcomes = new List<DeliveryResult>(message.Target.Members.Count);
        foreach (var member in message.Target.Members)
        {
            var outcome = await ToMemberAsync(message, member, payload, ct).ConfigureAwait(false);
            if (Reason(outcome) is { } reason)
            {
                DiscordPlatformLog.DirectMessageFailed(logger, member.Value, message.Id, message.Community.Value, reason);
            }

            outcomes.Add(outcome);
        }

        return outcomes.Any(o => o is DeliveryResult.Delivered) ? new DeliveryResult.Delivered(null)
            : outcomes.OfType<DeliveryResult.RetryLater>().FirstOrDefault() ?? outcomes[0];
    }

    private static async Task<DeliveryResult> SendAsync(Func<Task<DeliveryResult>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            return DiscordDeliveryResults.From(e);
        }
        catch (DiscordRateLimitedException e)
        {
            return DiscordDeliveryResults.From(e);
        }
    }

    private static Snowflake? GuildOf(CommunityId community) =>
        Snowflake.TryParse(community.ExternalId, out var guild) ? guild : null;

    private static string? Reason(DeliveryResult result) => result switch
    {
        DeliveryResult.Failed failed => failed.Reason,
        DeliveryResult.RetryLater retry => retry.Reason,
        _ => null,
    };

    private static string ThreadName(Reply reply) =>
        string.IsNullOrWhiteSpace(reply.Title) ? DefaultThreadName : Truncation.Truncate(reply.Title.Trim(), MaxThreadNameLength);

    /// <summary>
    /// The same for every attempt at one outbox message (and member, for DMs), so Discord returns the first
    /// message instead of posting again. The outbox key, not the row id, makes it: the key is what is unique.
    /// </summary>
    private static string Nonce(OutboxMessage message, MemberId? member = null)
    {
        var source = member is { } m ? $"{message.Community.Value}\n{message.Key}\n{m.Value}" : $"{message.Community.Value}\n{message.Key}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source));
        return Convert.ToHexStringLower(hash)[..DiscordRestClient.MaxNonceLength];
    }

    private static bool TryParseId(string? text, out Snowflake id) => Snowflake.TryParse(text, out id);

    private static DeliveryResult.Failed NotAnId(string what, string? text) =>
        new($"'{text}' is not a Discord {what} id; Discord ids are numbers such as 81384788765712384.");
}
