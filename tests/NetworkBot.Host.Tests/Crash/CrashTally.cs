using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
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

    /// <summary>Counts from the database file (read after the last run stopped) and every request the fake recorded.</summary>
    public static async Task<CrashTally> FromAsync(string databaseFile, IReadOnlyList<ApiRequest> requests, IReadOnlyList<CrashStop> stops, CancellationToken ct)
    {
        var rows = await OutboxRowsAsync(databaseFile, ct);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var threadGroups = 0;
        foreach (var (community, key, target, _, _) in rows)
        {
            using var json = JsonDocument.Parse(target);
            var kind = json.RootElement.GetProperty("kind").GetString();
            var channel = json.RootElement.TryGetProperty("channel", out var c) ? c.GetString() : null;
            var members = json.RootElement.TryGetProperty("members", out var m) ? m.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            if (kind == "Channel" || (kind == "Group" && channel is not null))
            {
                expected[Nonce($"{community}\n{key}")] = key;
                threadGroups += kind == "Group" ? 1 : 0;
            }
            else
            {
                foreach (var member in members)
                {
                    expected[Nonce($"{community}\n{key}\n{member}")] = $"{key} → {member}";
                }
            }
        }

        var posts = requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal))
            .Select(r => (r.Index, Nonce: r.Json.TryGetProperty("nonce", out var n) ? n.GetString() ?? "" : ""))
            .ToList();
        var byNonce = posts.GroupBy(p => p.Nonce, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToList(), StringComparer.Ordinal);
        var repeated = byNonce.Where(p => p.Value.Count > 1 && expected.ContainsKey(p.Key)).ToDictionary(p => expected[p.Key], p => p.Value.Count, StringComparer.Ordinal);

        // What the guarantee allows: the one message in flight when a run was stopped, i.e. the last one that run posted.
        var lastPostOfStop = stops
            .Select(s => posts.Where(p => p.Index >= s.RequestsFrom && p.Index < s.RequestsTo).Select(p => p.Nonce).LastOrDefault())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var outside = byNonce.Where(p => p.Value.Count > 1 && !lastPostOfStop.Contains(p.Key)).Select(p => expected.GetValueOrDefault(p.Key, p.Key)).ToList();

        var threads = requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal));
        return new CrashTally(
            Expected: expected.Count,
            Delivered: expected.Keys.Count(byNonce.ContainsKey),
            Lost: [.. expected.Where(e => !byNonce.ContainsKey(e.Key)).Select(e => e.Value).Order(StringComparer.Ordinal)],
            Repeated: repeated,
            ExtraThreads: Math.Max(0, threads - threadGroups),
            Unexpected: byNonce.Keys.Count(n => !expected.ContainsKey(n)),
            Undelivered: rows.Count(r => r.DeliveredAt is null),
            Failed: rows.Count(r => r.DeliveredAt is null && r.DueAt is null),
            RepeatedOutsideStops: outside,
            Stops: stops);
    }

    /// <summary><c>PRAGMA integrity_check</c> of the database file, opened afresh as the next start would open it.</summary>
    public static async Task<string> IntegrityAsync(string databaseFile, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The nonce the Discord adapter sends for one outbox message (and member): its wire contract, re-derived here as the oracle.</summary>
    private static string Nonce(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..25];

    private static async Task<List<(string Community, string Key, string Target, string? DeliveredAt, string? DueAt)>> OutboxRowsAsync(string databaseFile, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT community_id, key, target, delivered_at, due_at FROM outbox ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string, string, string?, string?)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }
}
