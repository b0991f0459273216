using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkBot.Slack.Inbound;

/// <summary>
/// One delivery from Slack (slash command, interaction or event), the same over Socket Mode and HTTP. Slack wants
/// an acknowledgement within 3 s: the consumer calls <see cref="AckAsync"/> once, with the response Slack should
/// show (a slash command's reply, a view submission's <c>response_action</c>) or null. When the consumer has not
/// acknowledged <see cref="AckDeadline"/> after the delivery arrived, the transport acknowledges it empty itself.
/// A response may still reach Slack in the acknowledgement of a redelivery when the first one was lost with its socket;
/// <see cref="ResponseDelivered"/> says whether it got there.
/// </summary>
/// <remarks>
/// A class rather than a record: it carries the acknowledgement's state, and two deliveries with equal data are
/// still two deliveries.
/// </remarks>
public sealed class SlackInbound
{
    /// <summary>How long a consumer has to acknowledge; the rest of Slack's 3 s is for the wire.</summary>
    public static readonly TimeSpan AckDeadline = TimeSpan.FromMilliseconds(2500);

    private readonly AnswerHandoff handoff;
    private int acked;

    /// <summary>Starts the acknowledgement deadline: from now on the delivery is acknowledged within <see cref="AckDeadline"/>.</summary>
    public SlackInbound(SlackInboundKind kind, JsonElement payload, string deliveryId, TimeProvider time)
        : this(kind, payload, deliveryId, new AnswerHandoff(), time)
    {
    }

    /// <summary>A delivery whose answer <paramref name="handoff"/> also offers to the redeliveries of it.</summary>
    internal SlackInbound(SlackInboundKind kind, JsonElement payload, string deliveryId, AnswerHandoff handoff, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentNullException.ThrowIfNull(time);
        Kind = kind;
        Payload = payload;
        DeliveryId = deliveryId;
        ReceivedAt = time.GetUtcNow();
        this.handoff = handoff;
        Ack = handoff.Open(time);
    }

    public SlackInboundKind Kind { get; }

    /// <summary>
    /// The payload as Slack sent it: the Events API body (<c>event_callback</c>), the interaction payload, or the
    /// slash command's fields as a JSON object of strings (<c>is_enterprise_install</c> as a boolean), whichever
    /// transport carried it.
    /// </summary>
    public JsonElement Payload { get; }

    /// <summary>Socket Mode's <c>envelope_id</c>; over HTTP the <c>event_id</c> of events, a hash of the body otherwise.</summary>
    public string DeliveryId { get; }

    /// <summary>The Events API <c>event_id</c>, the same on every redelivery and every socket; null for other kinds.</summary>
    public string? EventId { get; init; }

    /// <summary>Slack's count of earlier attempts (<c>retry_attempt</c>, <c>X-Slack-Retry-Num</c>); 0 the first time.</summary>
    public int RetryAttempt { get; init; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The slash command (<c>/network</c>), the interaction type (<c>block_actions</c>) or the event type (<c>app_mention</c>).</summary>
    public string? Type => Kind switch
    {
        SlackInboundKind.SlashCommand => SlackJson.String(Payload, "command"),
        SlackInboundKind.Interactive => SlackJson.String(Payload, "type"),
        _ => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("event", out var e) ? SlackJson.String(e, "type") : SlackJson.String(Payload, "type"),
    };

    /// <summary>
    /// Completes with this delivery's acknowledgement payload once there is one: the consumer's, or null when it
    /// acknowledged empty, the transport did at the deadline, or a redelivery took over. Transports send it; tests read it.
    /// </summary>
    public Task<JsonNode?> Acknowledgement => Ack.Payload;

    /// <summary>True once acknowledged, by the consumer or by the transport at the deadline.</summary>
    public bool IsAcknowledged => Ack.Payload.IsCompleted;

    /// <summary>
    /// After <see cref="AckAsync"/> accepted a response: completes true once an acknowledgement carrying it was sent
    /// (this delivery's or a redelivery's), false when none could carry it (its socket died and no redelivery was
    /// waiting): then the response must reach the member by <c>response_url</c> or the Web API.
    /// </summary>
    public Task<bool> ResponseDelivered => handoff.Settled;

    /// <summary>This delivery's own acknowledgement, for the transport that read it.</summary>
    internal AckSlot Ack { get; }

    /// <summary>
    /// Acknowledges the delivery with <paramref name="responsePayload"/> (null for an empty acknowledgement).
    /// Returns false when it came too late: every acknowledgement Slack waited for was sent empty already.
    /// </summary>
    /// <exception cref="InvalidOperationException">The consumer acknowledged this delivery before.</exception>
    public ValueTask<bool> AckAsync(JsonNode? responsePayload, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref acked, 1) != 0)
        {
            throw new InvalidOperationException($"Slack delivery {DeliveryId} was acknowledged twice; acknowledge each delivery once.");
        }

        return ValueTask.FromResult(handoff.Answer(responsePayload?.DeepClone()));
    }
}
