namespace NetworkBot.Bench.Latency;

/// <summary>
/// A fake platform the <c>latency</c> run drives the bot through: it starts before the bot (whose settings it gives),
/// sends the bot interactions of its communities, and says when each was first answered (Discord: the callback, an answer
/// or a defer; Slack: the envelope's acknowledgement).
/// </summary>
internal interface ILatencyPlatform : IAsyncDisposable
{
    /// <summary>As the tables name it.</summary>
    string Name { get; }

    /// <summary>The bot's settings (environment variables) that point it at this fake.</summary>
    IReadOnlyDictionary<string, string> BotSettings { get; }

    /// <summary>Waits until the bot is connected and can be sent interactions.</summary>
    Task ConnectedAsync(CancellationToken ct);

    /// <summary>Sends <paramref name="action"/> in <paramref name="community"/> as interaction <paramref name="id"/>.</summary>
    Task SendAsync(string id, LatencyCommunity community, LatencyAction action, CancellationToken ct);

    /// <summary>Whether <paramref name="id"/> has been answered.</summary>
    bool Answered(string id);

    /// <summary>
    /// Seconds from each send (a Stopwatch timestamp in <paramref name="sentAt"/>) to its first answer, by id, for the
    /// answered ones; how many were deferred (acknowledged empty on Slack); how many were answered more than once.
    /// </summary>
    (Dictionary<string, double> Latencies, int Deferred, int Duplicates) Time(IReadOnlyDictionary<string, long> sentAt);

    /// <summary>The delivery calls the fake received so far, by what they did (threads, DMs, messages…).</summary>
    IReadOnlyDictionary<string, int> Deliveries();
}
