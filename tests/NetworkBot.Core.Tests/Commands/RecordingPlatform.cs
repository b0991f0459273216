using System.Collections.Concurrent;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>The test communities' chat platform: records every delivered message.</summary>
public sealed class RecordingPlatform : IChatPlatform
{
    public string Platform => "shell";

    public ConcurrentQueue<OutboxMessage> Delivered { get; } = new();

    public IEnumerable<OutboxMessage> Keyed(string prefix) => Delivered.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal));

    public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        Delivered.Enqueue(message);
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered($"rec-{message.Id}"));
    }
}
