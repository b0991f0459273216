using System.Text.Json.Nodes;

namespace NetworkBot.Slack.Inbound;

/// <summary>
/// The consumer's answer to one delivery and to every redelivery of it, which consumers never see again. Slack
/// redelivers only what it did not see acknowledged, so the acknowledgement it reads is the one of its latest
/// delivery: the answer rides on the latest acknowledgement still open when it is ready, moves to a newer one when
/// the send under way fails, and is handed back to the consumer (<see cref="Settled"/> false, for <c>response_url</c>)
/// when none is open. One of those carries it, never two: a send that completed counts as delivered, since whether
/// Slack read it cannot be known.
/// </summary>
internal sealed class AnswerHandoff
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<bool> settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The latest acknowledgement without a payload yet: where an answer goes.
    private AckSlot? waiting;

    // The acknowledgement being sent with the answer, whose fate is not known yet.
    private AckSlot? carrier;
    private JsonNode? answer;
    private bool answered;

    /// <summary>
    /// Completes once the consumer's answer is settled: true when an acknowledgement carrying it was sent (or there was
    /// nothing to carry), false when no acknowledgement could carry it and the consumer must send it another way.
    /// </summary>
    public Task<bool> Settled => settled.Task;

    /// <summary>A delivery (or redelivery) arrived: its acknowledgement, which supersedes any earlier one still open.</summary>
    public AckSlot Open(TimeProvider time)
    {
        var slot = new AckSlot(this, time);
        lock (gate)
        {
            // Slack stopped reading the earlier acknowledgement when it delivered again: send that one empty.
            waiting?.TryFill(null);
            waiting = null;
            if (!answered || carrier is not null)
            {
                // The answer is still to come, or rides on a send that may yet fail: this acknowledgement waits for it.
                waiting = slot;
            }
            else
            {
                // Sent, handed back, or empty: nothing for this one to carry.
                slot.TryFill(null);
            }
        }

        return slot;
    }

    /// <summary>
    /// The consumer's answer (null: acknowledge empty). True when an open acknowledgement takes it; false when all of
    /// them were sent already (their deadline passed), so the consumer must deliver a non-empty answer itself.
    /// </summary>
    public bool Answer(JsonNode? payload)
    {
        lock (gate)
        {
            answered = true;
            var slot = waiting;
            waiting = null;
            if (payload is null)
            {
                settled.TrySetResult(true);
                return slot?.TryFill(null) ?? false;
            }

            if (slot is not null && slot.TryFill(payload))
            {
                carrier = slot;
                answer = payload;
                return true;
            }

            settled.TrySetResult(false);
            return false;
        }
    }

    public void OnSent(AckSlot slot, bool sent)
    {
        lock (gate)
        {
            if (slot != carrier)
            {
                return;
            }

            if (sent)
            {
                carrier = null;
                answer = null;
                waiting?.TryFill(null);
                waiting = null;
                settled.TrySetResult(true);
                return;
            }

            Lost();
        }
    }

    public void OnAbandoned(AckSlot slot)
    {
        lock (gate)
        {
            slot.TryFill(null);
            if (waiting == slot)
            {
                waiting = null;
            }

            if (slot == carrier)
            {
                Lost();
            }
        }
    }

    public void OnExpired(AckSlot slot)
    {
        lock (gate)
        {
            if (slot.TryFill(null) && waiting == slot)
            {
                waiting = null;
            }
        }
    }

    /// <summary>The carrier's send failed: on to a newer acknowledgement if one is open, else back to the consumer. Under the lock.</summary>
    private void Lost()
    {
        carrier = null;
        if (waiting is { } newer && newer.TryFill(answer))
        {
            carrier = newer;
            waiting = null;
            return;
        }

        waiting = null;
        answer = null;
        settled.TrySetResult(false);
    }
}
