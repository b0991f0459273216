using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using NetworkBot.Slack.Tests.Fakes;

namespace NetworkBot.Bench.Answers;

/// <summary>
/// The acknowledgements the bot sent back on the fake Slack's Socket Mode sockets, by <c>envelope_id</c>, each with when it
/// arrived and whether it carried an answer: from them, each envelope's latency from its first send to its first
/// acknowledgement, how many were acknowledged empty (the answer following by <c>chat.postEphemeral</c>), and how many
/// envelopes were answered more than once.
/// </summary>
internal sealed class SlackAcks
{
    private readonly ConcurrentDictionary<string, List<(long At, bool Answered)>> acks = new(StringComparer.Ordinal);

    public bool Has(string envelope) => acks.ContainsKey(envelope);

    /// <summary>
    /// Takes each socket the bot opens on <paramref name="socket"/>, reads its acknowledgements from then on, and hands it
    /// to <paramref name="opened"/>, until <paramref name="ct"/> ends (then the readers end too).
    /// </summary>
    public async Task FollowAsync(FakeSlackSocket socket, Func<FakeSlackConnection, Task> opened, CancellationToken ct)
    {
        var readers = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var next = await socket.NextConnectionAsync(ct);
                readers.Add(Task.Run(() => ReadAsync(next, ct), ct));
                await opened(next);
            }
        }
        finally
        {
            await Task.WhenAll(readers).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Reads <paramref name="connection"/>'s acknowledgements until it closes or <paramref name="ct"/> ends.</summary>
    private async Task ReadAsync(FakeSlackConnection connection, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var frame = await connection.ReceiveAsync(ct);
                if (frame.TryGetProperty("envelope_id", out var id) && id.GetString() is { } envelope)
                {
                    var answered = frame.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object && payload.EnumerateObject().Any();
                    var list = acks.GetOrAdd(envelope, _ => []);
                    lock (list)
                    {
                        list.Add((Stopwatch.GetTimestamp(), answered));
                    }
                }
            }
        }
        catch (Exception e) when (e is System.Threading.Channels.ChannelClosedException or OperationCanceledException)
        {
            // The socket ended, or the run did.
        }
    }

    /// <summary>
    /// Seconds from each send (a <see cref="Stopwatch"/> timestamp in <paramref name="sentAt"/>) to its first acknowledgement,
    /// by envelope, for the acknowledged ones; how many were acknowledged without an answer; how many answers came after the first.
    /// </summary>
    public (Dictionary<string, double> Latencies, int AckedEmpty, int Duplicates) Time(IReadOnlyDictionary<string, long> sentAt)
    {
        var latencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var answeredInAck = 0;
        var duplicates = 0;
        foreach (var (id, at) in sentAt)
        {
            if (acks.TryGetValue(id, out var list))
            {
                lock (list)
                {
                    latencies[id] = Stopwatch.GetElapsedTime(at, list.Min(a => a.At)).TotalSeconds;
                    var answers = list.Count(a => a.Answered);
                    answeredInAck += answers > 0 ? 1 : 0;
                    duplicates += Math.Max(0, answers - 1);
                }
            }
        }

        return (latencies, latencies.Count - answeredInAck, duplicates);
    }
}
