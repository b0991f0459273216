using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
/// private thread (by DM to each member when there is no channel or the bot may not start threads there). A group
/// message that continues an earlier one (<see cref="MessageTarget.Continues"/>, an introduction's follow-up) goes where
/// that one went: into its thread, or by DM again.
/// </summary>
/// <remarks>
/// Nothing is done twice across attempts, crashes included (see <see cref="DeliveryProgress"/>): the thread is asked
/// for only after the request is recorded, and a retry looks for it among the guild's active threads (its name carries
/// a tag of the outbox key) before asking again; each member added, sent to or given up on is recorded, and a retry
/// continues with the others. Every post carries a nonce derived from the outbox key, so Discord's
/// <c>enforce_nonce</c> returns the first message for a retry within <see cref="NonceWindow"/>; a retry later than
/// that first looks through the channel's messages since the first attempt.
/// </remarks>
public sealed class DiscordPlatform(DiscordRestClient rest, DiscordDmChannels dms, IOutboxStore store, TimeProvider time, ILogger<DiscordPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "discord";
    public const string DefaultThreadName = "Coffee chat";
    public const int MaxThreadNameLength = 100;

    /// <summary>How long Discord surely de-duplicates by nonce ("the past few minutes"); later, a retry looks first.</summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(2);

    /// <summary>Messages a look-up for an earlier post reads (Discord's page size is at most 100).</summary>
    public const int LookupLimit = 50;

    /// <summary>Characters of the outbox key's hash in a thread's name, which find the thread again after a lost answer.</summary>
    private const int ThreadTagLength = 6;

    /// <summary>Discord's epoch, the zero of a snowflake's timestamp.</summary>
    private static readonly DateTimeOffset DiscordEpoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

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
        var attempt = new DeliveryAttempt(message, store, time);

        // A DM carries no guild back when its buttons are pressed, so components that may land in one name their server.
        var payload = DiscordRenderer.RenderPayload(message.Reply, target.Kind == MessageTargetKind.Channel ? null : GuildOf(message.Community));
        return target.Kind switch
        {
            MessageTargetKind.Channel => await ToChannelAsync(attempt, payload, ct).ConfigureAwait(false),
            MessageTargetKind.Member when target.Members.Count == 1 =>
                await ToMemberAsync(attempt, target.Members[0], payload, ct).ConfigureAwait(false),
            MessageTargetKind.Group when target.Members.Count > 0 => await ToGroupAsync(attempt, payload, ct).ConfigureAwait(false),
            _ => new DeliveryResult.Failed($"A {target.Kind} message needs {(target.Kind == MessageTargetKind.Member ? "exactly one member" : "members")}; it has {target.Members.Count}."),
        };
    }

    private async Task<DeliveryResult> ToChannelAsync(DeliveryAttempt attempt, DiscordMessagePayload payload, CancellationToken ct)
    {
        var message = attempt.Message;
        return TryParseId(message.Target.Channel, out var channel)
            ? await PostOnceAsync(attempt, channel, payload, ct).ConfigureAwait(false)
            : NotAnId("channel", message.Target.Channel);
    }

    /// <summary>The message's one post, in a channel or the group's thread.</summary>
    private Task<DeliveryResult> PostOnceAsync(DeliveryAttempt attempt, Snowflake channel, DiscordMessagePayload payload, CancellationToken ct) =>
        attempt.PostOnceAsync(
            begun => SendAsync(async () =>
            {
                var posted = await PostAsync(attempt.Message, channel, payload, Nonce(attempt.Message), begun, ct).ConfigureAwait(false);
                return new DeliveryResult.Delivered(posted.Id.ToString());
            }),
            ct);

    /// <summary>A DM to one member, recorded per member (see <see cref="DeliveryAttempt.ToMemberAsync"/>).</summary>
    private Task<DeliveryResult> ToMemberAsync(DeliveryAttempt attempt, MemberId member, DiscordMessagePayload payload, CancellationToken ct) =>
        attempt.ToMemberAsync(
            member,
            begun => TryParseId(member.Value, out var user)
                ? SendAsync(async () =>
                {
                    var dm = await dms.OfAsync(user, ct).ConfigureAwait(false);
                    var sent = await PostAsync(attempt.Message, dm, payload, Nonce(attempt.Message, member), begun, ct).ConfigureAwait(false);
                    return new DeliveryResult.Delivered(sent.Id.ToString());
                })
                : Task.FromResult<DeliveryResult>(NotAnId("member", member.Value)),
            ct);

    private async Task<DeliveryResult> ToGroupAsync(DeliveryAttempt attempt, DiscordMessagePayload payload, CancellationToken ct)
    {
        var message = attempt.Message;
        var earlier = attempt.Progress.Thread is null ? await EarlierAsync(message, ct).ConfigureAwait(false) : null;
        if (earlier is { Thread: { } continued })
        {
            await attempt.SaveAsync(attempt.Progress with { Thread = continued, Recipients = AddedOf(earlier, message.Target.Members) }, ct).ConfigureAwait(false);
        }
        else if (earlier is not null || message.Target.Channel is null)
        {
            return await ToEachMemberAsync(attempt, payload, ct).ConfigureAwait(false);
        }

        var channel = default(Snowflake);
        if (attempt.Progress.Thread is null && !TryParseId(message.Target.Channel, out channel))
        {
            return NotAnId("channel", message.Target.Channel);
        }

        Snowflake thread;
        try
        {
            thread = await ThreadOfAsync(attempt, channel, ct).ConfigureAwait(false);
        }
        catch (DiscordApiException e) when (e.Error.Code is { } code && ThreadRefusals.Contains(code))
        {
            DiscordPlatformLog.ThreadRefused(logger, channel.ToString(), message.Id, message.Community.Value, code);
            return await ToEachMemberAsync(attempt, payload, ct).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            return DiscordDeliveryResults.From(e);
        }
        catch (DiscordRateLimitedException e)
        {
            return DiscordDeliveryResults.From(e);
        }

        DeliveryResult.RetryLater? retry = null;
        foreach (var member in message.Target.Members)
        {
            var outcome = attempt.Progress.Of(member)?.Status switch
            {
                null => await AddToThreadAsync(attempt, thread, member, payload, ct).ConfigureAwait(false),
                RecipientStatus.Posting => await ToMemberAsync(attempt, member, payload, ct).ConfigureAwait(false),
                _ => null,
            };
            retry ??= outcome as DeliveryResult.RetryLater;
        }

        var posted = await PostOnceAsync(attempt, thread, payload, ct).ConfigureAwait(false);
        if (posted is DeliveryResult.Failed gone && message.Target.Continues is not null)
        {
            // The earlier conversation's thread was deleted or locked meanwhile: the members still get the message.
            DiscordPlatformLog.ContinuedThreadGone(logger, message.Id, message.Community.Value, thread.ToString(), gone.Reason);
            return await ToEachMemberAsync(attempt, payload, ct).ConfigureAwait(false);
        }

        return posted is DeliveryResult.Delivered sent
            ? attempt.Progress.Outcome(message.Target.Members, retry, sent.MessageRef)
            : posted;
    }

    /// <summary>
    /// Where the message this one continues (<see cref="MessageTarget.Continues"/>) reached its members: its progress,
    /// holding its thread when it had one; null when this message continues none or the earlier one reached nobody.
    /// </summary>
    private async Task<DeliveryProgress?> EarlierAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Target.Continues is not { } key || await store.GetOutboxAsync(message.Community, key, ct).ConfigureAwait(false) is not { } earlier)
        {
            return null;
        }

        var went = DeliveryProgress.Read(earlier.Progress);
        return went.Thread is null && went.Recipients.Count == 0 ? null : went;
    }

    /// <summary>
    /// The <paramref name="members"/> the earlier message added to its thread: they are in it already, and adding them
    /// again would fail once the thread is archived (as it is after a quiet week), while a post in it unarchives it.
    /// </summary>
    private static Dictionary<string, RecipientProgress> AddedOf(DeliveryProgress earlier, IReadOnlyList<MemberId> members) =>
        earlier.Recipients
            .Where(r => r.Value.Status == RecipientStatus.Added && members.Any(m => m.Value == r.Key))
            .ToDictionary(r => r.Key, _ => new RecipientProgress(RecipientStatus.Added), StringComparer.Ordinal);

    /// <summary>
    /// Adds a member to the group's thread. One Discord will not add (left the server, cannot see the channel) gets the
    /// message by DM instead, so nobody is left out; one it cannot add now is added on a later attempt.
    /// </summary>
    private async Task<DeliveryResult> AddToThreadAsync(DeliveryAttempt attempt, Snowflake thread, MemberId member, DiscordMessagePayload payload, CancellationToken ct)
    {
        var message = attempt.Message;
        var added = !TryParseId(member.Value, out var user)
            ? NotAnId("member", member.Value)
            : await SendAsync(async () =>
            {
                await rest.AddThreadMemberAsync(thread, user, ct).ConfigureAwait(false);
                return new DeliveryResult.Delivered(null);
            }).ConfigureAwait(false);
        if (added is DeliveryResult.Delivered)
        {
            await attempt.SaveAsync(member, new RecipientProgress(RecipientStatus.Added), ct).ConfigureAwait(false);
            return added;
        }

        DiscordPlatformLog.ThreadMemberNotAdded(logger, member.Value, thread.ToString(), message.Id, message.Community.Value, Reason(added)!);
        if (added is DeliveryResult.RetryLater)
        {
            return added;
        }

        var direct = await ToMemberAsync(attempt, member, payload, ct).ConfigureAwait(false);
        if (Reason(direct) is { } reason)
        {
            DiscordPlatformLog.DirectMessageFailed(logger, member.Value, message.Id, message.Community.Value, reason);
        }

        return direct;
    }

    /// <summary>
    /// The group's private thread: the one an earlier attempt made, the one it asked for and whose answer was lost
    /// (found by its name among the guild's active threads), or a new one, asked for only once the request is recorded.
    /// </summary>
    private async Task<Snowflake> ThreadOfAsync(DeliveryAttempt attempt, Snowflake channel, CancellationToken ct)
    {
        if (Snowflake.TryParse(attempt.Progress.Thread, out var made))
        {
            return made;
        }

        var name = ThreadName(attempt.Message);
        if (attempt.Progress.ThreadRequestedAt is not null && GuildOf(attempt.Message.Community) is { } guild
            && await LookUpAsync(attempt.Message, channel, () => rest.ListActiveThreadsAsync(guild, ct)).ConfigureAwait(false) is { } threads
            && threads.FirstOrDefault(t => t.ParentId == channel && t.Name == name) is { } found)
        {
            await attempt.SaveAsync(attempt.Progress with { Thread = found.Id.ToString() }, ct).ConfigureAwait(false);
            return found.Id;
        }

        await attempt.SaveAsync(attempt.Progress with { ThreadRequestedAt = time.GetUtcNow() }, ct).ConfigureAwait(false);
        var thread = await rest.StartPrivateThreadAsync(channel, name, ct).ConfigureAwait(false);
        await attempt.SaveAsync(attempt.Progress with { Thread = thread.Id.ToString() }, ct).ConfigureAwait(false);
        return thread.Id;
    }

    /// <summary>One DM per member; the message is done when each member got it or was given up on with a reason.</summary>
    private async Task<DeliveryResult> ToEachMemberAsync(DeliveryAttempt attempt, DiscordMessagePayload payload, CancellationToken ct)
    {
        var message = attempt.Message;
        DeliveryResult.RetryLater? retry = null;
        foreach (var member in message.Target.Members)
        {
            var outcome = await ToMemberAsync(attempt, member, payload, ct).ConfigureAwait(false);
            if (Reason(outcome) is { } reason)
            {
                DiscordPlatformLog.DirectMessageFailed(logger, member.Value, message.Id, message.Community.Value, reason);
            }

            retry ??= outcome as DeliveryResult.RetryLater;
        }

        return attempt.Progress.Outcome(message.Target.Members, retry, messageRef: null);
    }

    /// <summary>
    /// Posts <paramref name="payload"/>, unless a post an earlier attempt began at <paramref name="begun"/> is found in
    /// the channel: within <see cref="NonceWindow"/> the nonce makes Discord return it; later the channel is read.
    /// </summary>
    private async Task<DiscordMessage> PostAsync(
        OutboxMessage message, Snowflake channel, DiscordMessagePayload payload, string nonce, DateTimeOffset? begun, CancellationToken ct)
    {
        if (begun is { } since && time.GetUtcNow() - since > NonceWindow
            && await LookUpAsync(message, channel, () => rest.ListMessagesAfterAsync(channel, SnowflakeAt(since - NonceWindow), LookupLimit, ct)).ConfigureAwait(false) is { } recent
            && recent.FirstOrDefault(m => IsPostOf(m, payload, nonce)) is { } earlier)
        {
            return earlier;
        }

        return await rest.CreateMessageAsync(channel, payload, nonce, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A look-up for what an earlier attempt made, or null when Discord refuses it (no READ_MESSAGE_HISTORY, no access
    /// to the threads): the step is then done again, a duplicate being better than a message never sent.
    /// </summary>
    private async Task<IReadOnlyList<T>?> LookUpAsync<T>(OutboxMessage message, Snowflake channel, Func<Task<IReadOnlyList<T>>> lookUp)
    {
        try
        {
            return await lookUp().ConfigureAwait(false);
        }
        catch (DiscordApiException e) when ((int)e.Error.Status < 500)
        {
            DiscordPlatformLog.LookupRefused(logger, channel.ToString(), message.Id, message.Community.Value, e.Error.Code);
            return null;
        }
    }

    /// <summary>
    /// Whether a listed message is this post: its nonce when Discord returns it, else a bot's message with the same
    /// text and embeds (Discord keeps a nonce only briefly, and our rendering is the same on every attempt).
    /// </summary>
    private static bool IsPostOf(DiscordMessage listed, DiscordMessagePayload payload, string nonce) =>
        listed.Nonce == nonce
        || (listed.Author?.Bot == true
            && string.Equals(listed.Content ?? string.Empty, payload.Content ?? string.Empty, StringComparison.Ordinal)
            && string.Equals(EmbedText(listed.Embeds), EmbedText(payload.Embeds), StringComparison.Ordinal));

    private static string EmbedText(JsonElement? embeds) =>
        embeds is { ValueKind: JsonValueKind.Array } array
            ? string.Join('\n', array.EnumerateArray().Select(e => $"{Text(e, "title")}\n{Text(e, "description")}"))
            : string.Empty;

    private static string Text(JsonElement embed, string property) =>
        embed.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    /// <summary>The smallest snowflake made at <paramref name="at"/>: messages after it were posted after that time.</summary>
    private static Snowflake SnowflakeAt(DateTimeOffset at) =>
        new((ulong)Math.Max(0, (at - DiscordEpoch).Ticks / TimeSpan.TicksPerMillisecond) << 22);

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

    /// <summary>The reply's title (or <see cref="DefaultThreadName"/>) and a tag of the outbox key, by which a retry finds the thread.</summary>
    private static string ThreadName(OutboxMessage message)
    {
        var tag = " · " + Nonce(message)[..ThreadTagLength];
        var title = string.IsNullOrWhiteSpace(message.Reply.Title) ? DefaultThreadName : message.Reply.Title.Trim();
        return Truncation.Truncate(title, MaxThreadNameLength - tag.Length) + tag;
    }

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
