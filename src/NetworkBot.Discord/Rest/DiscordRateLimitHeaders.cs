using System.Globalization;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// The <c>X-RateLimit-*</c> and <c>Retry-After</c> headers of one response. Discord sends decimals
/// ("1.337"), so they are parsed with the invariant culture whatever the process culture is.
/// </summary>
public sealed record DiscordRateLimitHeaders(
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    string? Bucket,
    bool Global,
    string? Scope,
    TimeSpan? RetryAfter)
{
    public static DiscordRateLimitHeaders Parse(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            values[name] = value.FirstOrDefault() ?? "";
        }

        string? Text(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        int? Int(string name) => int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        TimeSpan? Seconds(string name) =>
            double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? TimeSpan.FromSeconds(v) : null;

        return new DiscordRateLimitHeaders(
            Limit: Int("X-RateLimit-Limit"),
            Remaining: Int("X-RateLimit-Remaining"),
            ResetAfter: Seconds("X-RateLimit-Reset-After"),
            Bucket: Text("X-RateLimit-Bucket"),
            Global: string.Equals(Text("X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Scope: Text("X-RateLimit-Scope"),
            RetryAfter: Seconds("Retry-After"));
    }
}
