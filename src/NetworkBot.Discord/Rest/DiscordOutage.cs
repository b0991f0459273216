using NetworkBot.Transport;

namespace NetworkBot.Discord.Rest;

/// <summary>Which failures of a REST call say "not now" rather than "never", for the calls worth waiting out.</summary>
internal static class DiscordOutage
{
    /// <summary>Discord down, rate limiting past the client's own retries, or not reached at all; never a refusal.</summary>
    public static bool Is(Exception exception) =>
        ReconnectLoop.IsUnanswered(exception) || exception is DiscordRateLimitedException or DiscordApiException { IsOutage: true };
}
