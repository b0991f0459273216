using System.Text.Json.Nodes;

namespace NetworkBot.Slack.Inbound;

/// <summary>
/// One acknowledgement Slack waits for: of a delivery or of a redelivery of it, due <see cref="SlackInbound.AckDeadline"/>
/// after it arrived. The transport that read the delivery sends <see cref="Payload"/> once it is there (null: an empty
/// acknowledgement) and then says whether the send went out, or abandons it when it never can (its socket died, its
/// HTTP request was aborted): the <see cref="AnswerHandoff"/> uses that to find the answer another way to Slack.
/// </summary>
internal sealed class AckSlot
{
    private readonly TaskCompletionSource<JsonNode?> payload = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AnswerHandoff handoff;
    private readonly ITimer deadline;

    /// <summary>Starts the deadline: from now on the acknowledgement has a payload within <see cref="SlackInbound.AckDeadline"/>.</summary>
    public AckSlot(AnswerHandoff handoff, TimeProvider time)
    {
        this.handoff = handoff;
        deadline = time.CreateTimer(static s => ((AckSlot)s!).Expire(), this, SlackInbound.AckDeadline, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes with what to send: the answer, or null for an empty acknowledgement.</summary>
    public Task<JsonNode?> Payload => payload.Task;

    /// <summary>The transport sent the payload (<paramref name="sent"/>) or failed to; call it once, after sending.</summary>
    public void Sent(bool sent) => handoff.OnSent(this, sent);

    /// <summary>The transport can no longer send this acknowledgement; whatever it was to carry goes another way.</summary>
    public void Abandon() => handoff.OnAbandoned(this);

    /// <summary>Gives the acknowledgement its payload; false when it already has one.</summary>
    internal bool TryFill(JsonNode? answer)
    {
        if (!payload.TrySetResult(answer))
        {
            return false;
        }

        deadline.Dispose();
        return true;
    }

    private void Expire() => handoff.OnExpired(this);
}
