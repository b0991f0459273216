namespace NetworkBot.Discord.Gateway;

/// <summary>
/// Discord's send limit of one gateway connection: <see cref="Limit"/> payloads per <see cref="Window"/>, beyond
/// which it disconnects with 4008. The last <see cref="HeartbeatReserve"/> places are kept for heartbeats, so a
/// burst of other sends can never starve the heartbeat and turn the connection into a zombie.
/// </summary>
public sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int HeartbeatReserve = 10;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> sent = new();

    /// <summary>Takes a place now and returns zero, or takes none and returns how long until one frees up.</summary>
    public TimeSpan TryTake(bool heartbeat)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            while (sent.Count > 0 && sent.Peek() + Window <= now)
            {
                sent.Dequeue();
            }

            var allowed = heartbeat ? Limit : Limit - HeartbeatReserve;
            if (sent.Count < allowed)
            {
                sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            // The place frees up when enough of the oldest sends have left the window.
            return sent.ElementAt(sent.Count - allowed) + Window - now;
        }
    }

    /// <summary>Waits, on the injected clock, until a place is free and takes it.</summary>
    public async ValueTask WaitAsync(bool heartbeat, CancellationToken ct)
    {
        for (var wait = TryTake(heartbeat); wait > TimeSpan.Zero; wait = TryTake(heartbeat))
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }
}
