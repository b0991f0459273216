using System.Diagnostics;
using System.Text.Json;
using NetworkBot.Host.Tests.Discord;

namespace NetworkBot.Bench.Answers;

/// <summary>
/// What the fake Discord received back for the interactions a run sent: each interaction's callbacks (answer or defer,
/// <c>POST /interactions/{id}/{token}/callback</c>) in arrival order, and from them its latency, whether it was deferred,
/// and whether it was answered more than once.
/// </summary>
internal static class DiscordCallbacks
{
    /// <summary>Every callback by interaction id, in arrival order, of the interactions in <paramref name="sentAt"/>.</summary>
    public static Dictionary<string, List<ApiRequest>> ByInteraction(FakeDiscordApi api, IReadOnlyDictionary<string, long> sentAt) =>
        api.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/interactions/", StringComparison.Ordinal) && r.Path.EndsWith("/callback", StringComparison.Ordinal))
            .GroupBy(r => r.Path.Split('/')[4], StringComparer.Ordinal)
            .Where(g => sentAt.ContainsKey(g.Key))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReceivedAt).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// Seconds from each send (a <see cref="Stopwatch"/> timestamp in <paramref name="sentAt"/>) to its first callback,
    /// by interaction, for the answered ones; how many first callbacks were defers; how many callbacks came after the first.
    /// </summary>
    public static (Dictionary<string, double> Latencies, int Deferred, int Duplicates) Time(FakeDiscordApi api, IReadOnlyDictionary<string, long> sentAt)
    {
        var callbacks = ByInteraction(api, sentAt);
        var latencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var deferred = 0;
        foreach (var (id, at) in sentAt)
        {
            if (callbacks.TryGetValue(id, out var answers))
            {
                latencies[id] = Stopwatch.GetElapsedTime(at, answers[0].ReceivedAt).TotalSeconds;
                deferred += JsonDocument.Parse(answers[0].Body).RootElement.GetProperty("type").GetInt32() == 5 ? 1 : 0;
            }
        }

        return (latencies, deferred, callbacks.Values.Sum(c => c.Count - 1));
    }
}
