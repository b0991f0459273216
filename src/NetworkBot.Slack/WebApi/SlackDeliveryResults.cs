using NetworkBot.Core.Platform;

namespace NetworkBot.Slack.WebApi;

/// <summary>
/// Turns the Web API client's refusals into Core's <see cref="DeliveryResult"/>, in one place, so every Slack
/// delivery path says the same thing: rate limits, outages and a wrong token come back later (an operator can fix
/// the token without losing messages); every other refusal fails with Slack's reason in plain English.
/// </summary>
public static class SlackDeliveryResults
{
    /// <summary>How long to wait after Slack stayed down through the client's own retries, or rejected the token.</summary>
    public static readonly TimeSpan OutageDelay = TimeSpan.FromMinutes(1);

    public static DeliveryResult From(SlackApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.IsRateLimited)
        {
            return new DeliveryResult.RetryLater(exception.RetryAfter ?? OutageDelay, exception.Message);
        }

        return exception.IsTransient || SlackApiErrors.IsAuthentication(exception.Error)
            ? new DeliveryResult.RetryLater(OutageDelay, exception.Message)
            : new DeliveryResult.Failed(exception.Message);
    }
}
