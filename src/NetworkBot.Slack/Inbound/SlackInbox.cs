using System.Threading.Channels;

namespace NetworkBot.Slack.Inbound;

/// <summary>
/// Where both transports put what Slack delivers and consumers take it from: a bounded channel, so a slow
/// consumer delays deliveries instead of dropping them, and the transports keep acknowledging on time meanwhile.
/// Also remembers recent delivery and event ids so each delivery reaches consumers once.
/// </summary>
public sealed class SlackInbox(TimeProvider time)
{
    public const int Capacity = 1024;

    private readonly Channel<SlackInbound> deliveries = Channel.CreateBounded<SlackInbound>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    private readonly DeliveryMemory memory = new(time);

    /// <summary>Every new delivery from either transport; each must be acknowledged with <see cref="SlackInbound.AckAsync"/>.</summary>
    public ChannelReader<SlackInbound> Reader => deliveries.Reader;

    /// <summary>The ids that make two deliveries the same: the delivery id and, for events, the event id.</summary>
    internal static IReadOnlyList<string> KeysOf(string deliveryId, string? eventId) =>
        eventId is null ? [$"delivery:{deliveryId}"] : [$"delivery:{deliveryId}", $"event:{eventId}"];

    /// <summary>True for a delivery not seen lately (it is remembered now); false for a redelivery.</summary>
    internal bool TryClaim(IReadOnlyList<string> keys) => memory.TryRemember(keys);

    internal void Release(IReadOnlyList<string> keys) => memory.Forget(keys);

    /// <summary>Waits while the channel is full.</summary>
    internal ValueTask WriteAsync(SlackInbound inbound, CancellationToken ct) => deliveries.Writer.WriteAsync(inbound, ct);
}
