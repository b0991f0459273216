namespace NetworkBot.Discord.Rest;

/// <summary>Discord asked for a longer pause than the limiter waits inline; try again after <see cref="RetryAfter"/>.</summary>
public sealed class DiscordRateLimitedException(TimeSpan retryAfter, string scope)
    : Exception($"Discord is rate limiting this request ({scope}); try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public string Scope { get; } = scope;
}
