using System.Text.Json;
using System.Threading.Channels;

namespace NetworkBot.Slack.Inbound;

/// <summary>
/// Where both transports put what Slack delivers and consumers take it from: a bounded channel, so a slow
/// consumer delays deliveries instead of dropping them, and the transports keep acknowledging on time meanwhile.
/// Also remembers recent delivery and event ids so each delivery reaches consumers once and its answer reaches
/// Slack once, in whichever acknowledgement Slack still reads.
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

    /// <summary>
    /// Takes in what a transport read. A delivery not seen lately (remembered now) becomes an inbound for consumers; a
    /// redelivery only gets an acknowledgement, which carries the first delivery's answer if that has not reached Slack.
    /// Either way the acknowledgement's deadline starts now.
    /// </summary>
    internal SlackDelivery Receive(SlackInboundKind kind, JsonElement payload, string deliveryId, string? eventId, int retryAttempt)
    {
        var keys = KeysOf(deliveryId, eventId);
        if (!memory.TryRemember(keys, new AnswerHandoff(), out var handoff))
        {
            return new SlackDelivery(null, handoff.Open(time), keys);
        }

        var inbound = new SlackInbound(kind, payload, deliveryId, handoff, time) { EventId = eventId, RetryAttempt = retryAttempt };
        return new SlackDelivery(inbound, inbound.Ack, keys);
    }

    internal void Release(IReadOnlyList<string> keys) => memory.Forget(keys);

    /// <summary>Waits while the channel is full.</summary>
    internal ValueTask WriteAsync(SlackInbound inbound, CancellationToken ct) => deliveries.Writer.WriteAsync(inbound, ct);
}
