using NetworkBot.Core.Platform;

namespace NetworkBot.Slack.WebApi;

/// <summary>
/// Turns the Web API client's refusals into Core's <see cref="DeliveryResult"/>, in one place, so every Slack
/// delivery path says the same thing: rate limits, outages and a wrong token come back later (an operator can fix
/// the token without losing messages); every other refusal fails with Slack's reason in plain English.
/// </summary>
public static class SlackDeliveryResults
{
    public static DeliveryResult From(SlackApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.IsRateLimited || exception.IsTransient || SlackApiErrors.IsAuthentication(exception.Error)
            ? DeliveryResult.Outage(exception.Message, exception.IsRateLimited ? exception.RetryAfter : null)
            : new DeliveryResult.Failed(exception.Message);
    }
}
