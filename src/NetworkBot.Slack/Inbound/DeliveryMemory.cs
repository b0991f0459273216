namespace NetworkBot.Slack.Inbound;

/// <summary>
/// The delivery and event ids seen lately, so a redelivery (Slack's retries, the same event on two sockets while
/// one replaces the other) is acknowledged again but handed to consumers once, each with the <see cref="AnswerHandoff"/>
/// of its first delivery so a redelivery's acknowledgement can still carry that answer. Bounded in count and in time:
/// Slack retries for minutes, not hours.
/// </summary>
internal sealed class DeliveryMemory(TimeProvider time, int capacity = DeliveryMemory.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (AnswerHandoff Handoff, DateTimeOffset At)> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> order = new();

    /// <summary>
    /// Remembers every key with <paramref name="handoff"/>; false when any of them was seen within <see cref="Lifetime"/>,
    /// with the handoff of that earlier delivery in <paramref name="earlier"/>.
    /// </summary>
    public bool TryRemember(IReadOnlyList<string> keys, AnswerHandoff handoff, out AnswerHandoff earlier)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            Prune(now);
            earlier = handoff;
            var fresh = true;
            foreach (var key in keys)
            {
                if (seen.TryGetValue(key, out var known))
                {
                    earlier = fresh ? known.Handoff : earlier;
                    fresh = false;
                }
            }

            foreach (var key in keys.Where(k => !seen.ContainsKey(k)))
            {
                seen[key] = (earlier, now);
                order.Enqueue((key, now));
            }

            return fresh;
        }
    }

    /// <summary>Forgets keys whose delivery did not reach a consumer, so Slack's next attempt gets through.</summary>
    public void Forget(IReadOnlyList<string> keys)
    {
        lock (gate)
        {
            foreach (var key in keys)
            {
                seen.Remove(key);
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (order.TryPeek(out var oldest) && (order.Count > capacity || now - oldest.At > Lifetime))
        {
            order.Dequeue();
            if (seen.TryGetValue(oldest.Key, out var known) && known.At == oldest.At)
            {
                seen.Remove(oldest.Key);
            }
        }
    }
}
