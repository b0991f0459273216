namespace NetworkBot.Discord.Rest;

/// <summary>
/// Discord refused a request (4xx, or 5xx after the retries). An expected failure: callers catch it where they
/// act and turn <see cref="Error"/> into a result (for example a closed DM into a failed delivery).
/// </summary>
public class DiscordApiException(DiscordApiError error) : Exception(DiscordApiError.Describe(error))
{
    public DiscordApiError Error { get; } = error;
}
