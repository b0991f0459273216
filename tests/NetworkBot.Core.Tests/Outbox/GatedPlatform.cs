using System.Collections.Concurrent;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Tests.Outbox;

/// <summary>
/// A platform whose deliveries a test holds and releases by outbox key, and which tells when a delivery began (with
/// the token it was given), so tests see what runs at once without sleeping.
/// </summary>
public sealed class GatedPlatform : IChatPlatform
{
    public const string Name = "gate";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<DeliveryResult>> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CancellationToken>> began = new(StringComparer.Ordinal);

    public string Platform => Name;

    /// <summary>The keys of every delivery begun, in order, repeats included.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Deliveries of <paramref name="key"/> wait until <see cref="Release"/>.</summary>
    public void Hold(string key) => gates[key] = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string key, DeliveryResult result) => gates[key].TrySetResult(result);

    /// <summary>Completes with the delivery's token once a delivery of <paramref name="key"/> began.</summary>
    public Task<CancellationToken> BeganAsync(string key) => Began(key).Task.WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasBegun(string key) => Began(key).Task.IsCompleted;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Calls.Enqueue(message.Key);
        Began(message.Key).TrySetResult(ct);
        return gates.TryGetValue(message.Key, out var gate)
            ? await gate.Task.WaitAsync(ct).ConfigureAwait(false)
            : new DeliveryResult.Delivered(message.Key);
    }

    private TaskCompletionSource<CancellationToken> Began(string key) =>
        began.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
