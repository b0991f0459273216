using System.Net;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// Discord refused a request (4xx, or 5xx after the retries). An expected failure: callers catch it where they
/// act and turn <see cref="Error"/> into a result (for example a closed DM into a failed delivery).
/// </summary>
public class DiscordApiException(DiscordApiError error) : Exception(DiscordApiError.Describe(error))
{
    public DiscordApiError Error { get; } = error;

    /// <summary>Discord is down or rate limiting (a 5xx or a 429 that outlived the retries): the same request may work later.</summary>
    public bool IsOutage => (int)Error.Status >= 500 || Error.Status == HttpStatusCode.TooManyRequests;
}
