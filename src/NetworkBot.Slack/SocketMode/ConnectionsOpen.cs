using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NetworkBot.Slack.Inbound;

namespace NetworkBot.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c> with the app-level token (PROTOCOLS §5.1): a fresh WebSocket URL for every
/// connection, since Slack's URLs are single-use tickets. Its own tiny call: the Web API client uses the bot token.
/// </summary>
internal static class ConnectionsOpen
{
    /// <summary>Errors no retry can fix (node-slack-sdk's UnrecoverableSocketModeStartError, plus a wrong kind of token).</summary>
    private static readonly HashSet<string> Unrecoverable = new(StringComparer.Ordinal)
    {
        "not_authed", "invalid_auth", "account_inactive", "user_removed_from_team", "team_disabled", "not_allowed_token_type",
    };

    public static async Task<Result> OpenAsync(HttpClient http, Uri apiBaseUrl, string appToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBaseUrl, "apps.connections.open"))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new Result(null, "ratelimited", false, response.Headers.RetryAfter?.Delta);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new Result(null, $"HTTP {(int)response.StatusCode}", false, null);
            }

            var body = SlackJson.Parse(await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false));
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
                && Uri.TryCreate(SlackJson.String(body, "url"), UriKind.Absolute, out var url))
            {
                return new Result(url, null, false, null);
            }

            var error = SlackJson.String(body, "error") ?? "no url in the answer";
            return new Result(null, error, Unrecoverable.Contains(error), null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new Result(null, e.GetType().Name, false, null);
        }
    }

    /// <param name="Url">Where to connect; null when Slack said no.</param>
    /// <param name="Fatal">The error needs a configuration change, not a retry.</param>
    /// <param name="RetryAfter">Slack's <c>Retry-After</c> on a 429.</param>
    public sealed record Result(Uri? Url, string? Error, bool Fatal, TimeSpan? RetryAfter);
}
