using System.Text.Json;

namespace NetworkBot.Discord.Rest;

/// <summary>What a 429 said: how long to wait, whether the whole bot is limited, and the scope (user, global, shared).</summary>
public sealed record DiscordRateLimit(TimeSpan RetryAfter, bool IsGlobal, string Scope)
{
    /// <summary>
    /// Reads a 429. The body's <c>retry_after</c> (float seconds) is the most precise; the <c>Retry-After</c>
    /// header (whole seconds) stands in when the body is not Discord's JSON (for example a Cloudflare page).
    /// </summary>
    public static DiscordRateLimit Parse(DiscordRateLimitHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        RateLimitedBody? parsed = null;
        try
        {
            parsed = body.IsEmpty ? null : JsonSerializer.Deserialize(body, DiscordRestJsonContext.Default.RateLimitedBody);
        }
        catch (JsonException)
        {
            // Not Discord's JSON: fall back to the headers.
        }

        var retryAfter = parsed?.RetryAfter is { } seconds and >= 0 ? TimeSpan.FromSeconds(seconds)
            : headers.RetryAfter ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1);
        var global = parsed?.Global == true || headers.Global || headers.Scope == "global";
        var scope = headers.Scope ?? (global ? "global" : "user");
        return new DiscordRateLimit(retryAfter, global, scope);
    }
}
