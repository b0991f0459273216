using NetworkBot.Core.Platform;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// Turns the REST client's expected failures into Core's <see cref="DeliveryResult"/>, in one place, so every
/// Discord delivery path says the same thing: refusals fail with Discord's reason in plain English, rate limits
/// and outages come back later.
/// </summary>
public static class DiscordDeliveryResults
{
    /// <summary>How long to wait after Discord stayed down through the client's own retries.</summary>
    public static readonly TimeSpan OutageDelay = TimeSpan.FromMinutes(1);

    public static DeliveryResult From(DiscordApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = DiscordApiError.Describe(exception.Error);
        return exception.IsOutage
            ? new DeliveryResult.RetryLater(OutageDelay, reason)
            : new DeliveryResult.Failed(reason);
    }

    public static DeliveryResult From(DiscordRateLimitedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new DeliveryResult.RetryLater(exception.RetryAfter, exception.Message);
    }
}
