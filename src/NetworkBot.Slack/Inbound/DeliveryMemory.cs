namespace NetworkBot.Slack.Inbound;

/// <summary>
/// The delivery and event ids seen lately, so a redelivery (Slack's retries, the same event on two sockets while
/// one replaces the other) is acknowledged again but handed to consumers once. Bounded in count and in time:
/// Slack retries for minutes, not hours.
/// </summary>
internal sealed class DeliveryMemory(TimeProvider time, int capacity = DeliveryMemory.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> order = new();

    /// <summary>Remembers every key; false when any of them was seen within <see cref="Lifetime"/>.</summary>
    public bool TryRemember(IReadOnlyList<string> keys)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            Prune(now);
            var fresh = !keys.Any(seen.ContainsKey);
            foreach (var key in keys.Where(k => !seen.ContainsKey(k)))
            {
                seen[key] = now;
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
            if (seen.TryGetValue(oldest.Key, out var at) && at == oldest.At)
            {
                seen.Remove(oldest.Key);
            }
        }
    }
}
