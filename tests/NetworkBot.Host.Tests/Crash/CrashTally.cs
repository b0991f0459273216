using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetworkBot.Core.Outbox;
using NetworkBot.Host.Tests.Discord;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// What a crash run delivered, from the outbox rows (what was decided) against the fake Discord's log (what arrived).
/// A message is known by the <c>nonce</c> the bot sends with it — derived from the community and the outbox key (and the
/// member, for a DM) — so two posts with one nonce are the same outbox message delivered twice. Real Discord would
/// fold such a repeat into the first message when it comes within its nonce window (<c>enforce_nonce</c>); the fake
/// does not, so every repeat counts here. A group's thread has no nonce: a second thread for one group is a
/// duplicate on any Discord.
/// </summary>
public sealed record CrashTally(
    int Expected,
    int Delivered,
    IReadOnlyList<string> Lost,
    IReadOnlyDictionary<string, int> Repeated,
    int ExtraThreads,
    int Unexpected,
    int Undelivered,
    int Failed,
    IReadOnlyList<string> RepeatedOutsideStops,
    IReadOnlyList<CrashStop> Stops)
{
    /// <summary>Posts of a message beyond its first.</summary>
    public int Duplicates => Repeated.Values.Sum(count => count - 1);

    /// <summary>
    /// For each of the run's stops after which something was still posted: from the end of the stopped instance to the
    /// next post of an expected message, by the instances left or the restart (with several instances on one community,
    /// at least the rest of the stopped one's claim lease after a kill).
    /// </summary>
    public IReadOnlyList<TimeSpan> GapsAfterStops { get; init; } = [];

    /// <summary>Coffee rounds the bots stored for the scenario's community: one, however many instances ran it.</summary>
    public int Rounds { get; init; }

    /// <summary>Posts of expected messages after the last of the run's stops (not the closing SIGTERM): the rest of the fan-out.</summary>
    public int PostedAfterLastStop { get; init; }

    /// <summary>From the end of the last stopped instance to the first post after it: how long the fan-out waited for a taker.</summary>
    public TimeSpan? FirstPostAfterLastStop { get; init; }

    /// <summary>From the end of the last stopped instance to the last expected message posted: when the fan-out was finished.</summary>
    public TimeSpan? FinishedAfterLastStop { get; init; }

    /// <summary>Counts from the database (read after the last run stopped) and every request the fake recorded.</summary>
    public static async Task<CrashTally> FromAsync(CrashStorage storage, IReadOnlyList<ApiRequest> requests, IReadOnlyList<CrashStop> stops, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(stops);
        var rows = await storage.OutboxRowsAsync(ct);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var threadGroups = 0;
        foreach (var row in rows)
        {
            using var json = JsonDocument.Parse(row.Target);
            var kind = json.RootElement.GetProperty("kind").GetString();
            var channel = json.RootElement.TryGetProperty("channel", out var c) ? c.GetString() : null;
            var members = json.RootElement.TryGetProperty("members", out var m) ? m.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            if (kind == "Channel" || (kind == "Group" && channel is not null))
            {
                expected[Nonce($"{row.Community}\n{row.Key}")] = row.Key;
                threadGroups += kind == "Group" ? 1 : 0;
            }
            else
            {
                foreach (var member in members)
                {
                    expected[Nonce($"{row.Community}\n{row.Key}\n{member}")] = $"{row.Key} → {member}";
                }
            }
        }

        var posts = MessagePosts(requests).ToList();
        var byNonce = posts.GroupBy(p => p.Nonce, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToList(), StringComparer.Ordinal);
        var repeated = byNonce.Where(p => p.Value.Count > 1 && expected.ContainsKey(p.Key)).ToDictionary(p => expected[p.Key], p => p.Value.Count, StringComparer.Ordinal);

        // What the guarantee allows: the messages in flight when a run was stopped. A community's deliveries run side by
        // side, at most OutboxDispatcher.MaxInFlightPerCommunity at once, and a delivery posts last, so those are among the
        // last that many posted while it ran. With several instances on one community they are still the stopped one's:
        // one instance at a time holds a community's claims, so the others post none of its messages meanwhile.
        var lastPostOfStop = stops
            .SelectMany(s => posts.Where(p => p.Index >= s.RequestsFrom && p.Index < s.RequestsTo).Select(p => p.Nonce).TakeLast(OutboxDispatcher.MaxInFlightPerCommunity))
            .ToHashSet(StringComparer.Ordinal);
        var outside = byNonce.Where(p => p.Value.Count > 1 && !lastPostOfStop.Contains(p.Key)).Select(p => expected.GetValueOrDefault(p.Key, p.Key)).ToList();

        var lastStop = stops.LastOrDefault(s => !s.Final);
        var after = lastStop is null ? [] : posts.Where(p => p.Index >= lastStop.RequestsTo && expected.ContainsKey(p.Nonce)).ToList();
        TimeSpan? Since(long timestamp) => lastStop is null ? null : Stopwatch.GetElapsedTime(lastStop.EndedAt, timestamp);

        var threads = requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal));
        return new CrashTally(
            Expected: expected.Count,
            Delivered: expected.Keys.Count(byNonce.ContainsKey),
            Lost: [.. expected.Where(e => !byNonce.ContainsKey(e.Key)).Select(e => e.Value).Order(StringComparer.Ordinal)],
            Repeated: repeated,
            ExtraThreads: Math.Max(0, threads - threadGroups),
            Unexpected: byNonce.Keys.Count(n => !expected.ContainsKey(n)),
            Undelivered: rows.Count(r => !r.Delivered),
            Failed: rows.Count(r => !r.Delivered && !r.Due),
            RepeatedOutsideStops: outside,
            Stops: stops)
        {
            GapsAfterStops = [.. stops
                .Where(s => !s.Final)
                .Select(s => (Stop: s, Next: posts.FirstOrDefault(p => p.Index >= s.RequestsTo && expected.ContainsKey(p.Nonce))))
                .Where(g => g.Next.Nonce is not null)
                .Select(g => Stopwatch.GetElapsedTime(g.Stop.EndedAt, g.Next.ReceivedAt))],
            Rounds = await storage.WithStoreAsync(async store => (await store.ListRoundsAsync(CrashScenario.Community, 10, ct)).Count, ct),
            PostedAfterLastStop = after.Count,
            FirstPostAfterLastStop = after.Count > 0 ? Since(after[0].ReceivedAt) : null,
            FinishedAfterLastStop = after.Count > 0 ? Since(after[^1].ReceivedAt) : null,
        };
    }

    /// <summary>How many different messages (by nonce) the fake received: the scenario's count once every one arrived.</summary>
    public static int MessagesPosted(IReadOnlyList<ApiRequest> requests) =>
        MessagePosts(requests).Select(p => p.Nonce).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The messages posted to a channel (a DM's too), in arrival order, with the nonce each carried ("" when none).</summary>
    private static IEnumerable<(int Index, long ReceivedAt, string Nonce)> MessagePosts(IReadOnlyList<ApiRequest> requests) => requests
        .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal))
        .Select(r => (r.Index, r.ReceivedAt, Nonce: r.Json.TryGetProperty("nonce", out var n) ? n.GetString() ?? "" : ""));

    /// <summary>The nonce the Discord adapter sends for one outbox message (and member): its wire contract, re-derived here as the oracle.</summary>
    private static string Nonce(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..25];
}
