using NetworkBot.Core.Platform;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// Turns the REST client's expected failures into Core's <see cref="DeliveryResult"/>, in one place, so every
/// Discord delivery path says the same thing: refusals fail with Discord's reason in plain English, rate limits
/// and outages come back later.
/// </summary>
public static class DiscordDeliveryResults
{
    public static DeliveryResult From(DiscordApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = DiscordApiError.Describe(exception.Error);
        return exception.IsOutage
            ? DeliveryResult.Outage(reason)
            : new DeliveryResult.Failed(reason);
    }

    public static DeliveryResult From(DiscordRateLimitedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new DeliveryResult.RetryLater(exception.RetryAfter, exception.Message);
    }
}
