using NetworkBot.Core.Domain;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Outbox;

/// <summary>
/// One attempt at <paramref name="message"/>: its <see cref="DeliveryProgress"/>, saved each time it changes, and the
/// bookkeeping every platform does around a post, so what an earlier attempt finished is not done again and a post
/// whose answer was lost is known to have begun (the platform then looks for it before posting again).
/// </summary>
public sealed class DeliveryAttempt(OutboxMessage message, IOutboxStore store, TimeProvider time)
{
    public OutboxMessage Message { get; } = message;

    public DeliveryProgress Progress { get; private set; } = DeliveryProgress.Read(message?.Progress);

    public async Task SaveAsync(DeliveryProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Progress = progress;
        await store.SaveOutboxProgressAsync(Message.Id, progress.Write(), ct).ConfigureAwait(false);
    }

    public Task SaveAsync(MemberId member, RecipientProgress recipient, CancellationToken ct) => SaveAsync(Progress.With(member, recipient), ct);

    /// <summary>
    /// The message's one post (to a channel, thread or group DM): delivered when an earlier attempt's arrived, else
    /// recorded as begun and made by <paramref name="post"/>, which is told when an earlier attempt began it, if one did.
    /// </summary>
    public async Task<DeliveryResult> PostOnceAsync(Func<DateTimeOffset?, Task<DeliveryResult>> post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (Progress.Sent is { } sent)
        {
            return new DeliveryResult.Delivered(sent);
        }

        var begun = Progress.PostStartedAt;
        if (begun is null)
        {
            await SaveAsync(Progress with { PostStartedAt = time.GetUtcNow() }, ct).ConfigureAwait(false);
        }

        var result = await post(begun).ConfigureAwait(false);
        if (result is DeliveryResult.Delivered { MessageRef: { } reference })
        {
            await SaveAsync(Progress with { Sent = reference }, ct).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// <paramref name="member"/>'s own post: done when an earlier attempt delivered it or gave up on them; else recorded as
    /// begun, made by <paramref name="post"/> (told when an earlier attempt began it), and its outcome recorded.
    /// </summary>
    public async Task<DeliveryResult> ToMemberAsync(MemberId member, Func<DateTimeOffset?, Task<DeliveryResult>> post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        switch (Progress.Of(member))
        {
            case { Status: RecipientStatus.Delivered }:
                return new DeliveryResult.Delivered(null);
            case { Status: RecipientStatus.GaveUp, Reason: var reason }:
                return new DeliveryResult.Failed(reason ?? "given up");
        }

        var begun = Progress.Of(member)?.PostStartedAt;
        if (begun is null)
        {
            await SaveAsync(member, new RecipientProgress(RecipientStatus.Posting, PostStartedAt: time.GetUtcNow()), ct).ConfigureAwait(false);
        }

        var result = await post(begun).ConfigureAwait(false);
        switch (result)
        {
            case DeliveryResult.Delivered:
                await SaveAsync(member, new RecipientProgress(RecipientStatus.Delivered), ct).ConfigureAwait(false);
                break;
            case DeliveryResult.Failed failed:
                await SaveAsync(member, new RecipientProgress(RecipientStatus.GaveUp, failed.Reason), ct).ConfigureAwait(false);
                break;
        }

        return result;
    }
}
