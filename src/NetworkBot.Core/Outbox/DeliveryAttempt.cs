using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Outbox;

/// <summary>One attempt at <paramref name="message"/>: its <see cref="DeliveryProgress"/>, saved each time it changes.</summary>
public sealed class DeliveryAttempt(OutboxMessage message, IOutboxStore store)
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
}
