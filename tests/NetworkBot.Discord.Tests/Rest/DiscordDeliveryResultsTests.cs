using System.Net;
using NetworkBot.Core.Platform;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Tests.Rest;

public sealed class DiscordDeliveryResultsTests
{
    private static DiscordApiException Refusal(HttpStatusCode status, int? code) => new(new DiscordApiError(status, code, "Discord's words", []));

    [Fact]
    public void Closed_dms_fail_the_delivery_with_a_reason_a_person_understands()
    {
        var result = DiscordDeliveryResults.From(Refusal(HttpStatusCode.Forbidden, DiscordApiError.CannotSendMessagesToThisUser));

        var failed = Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Contains("closed DMs", failed.Reason);
    }

    [Fact]
    public void A_rejected_token_fails_and_points_at_the_setting()
    {
        var result = DiscordDeliveryResults.From(new DiscordAuthenticationException(new DiscordApiError(HttpStatusCode.Unauthorized, 0, "401: Unauthorized", [])));

        Assert.Contains("Discord:Token", Assert.IsType<DeliveryResult.Failed>(result).Reason);
    }

    [Fact]
    public void An_outage_that_outlasted_the_retries_is_tried_again_later()
    {
        var result = DiscordDeliveryResults.From(Refusal(HttpStatusCode.BadGateway, null));

        Assert.Equal(DeliveryResult.OutageDelay, Assert.IsType<DeliveryResult.RetryLater>(result).After);
    }

    [Fact]
    public void A_long_rate_limit_is_tried_again_after_discords_retry_after()
    {
        var result = DiscordDeliveryResults.From(new DiscordRateLimitedException(TimeSpan.FromSeconds(1336.57), "shared"));

        Assert.Equal(TimeSpan.FromSeconds(1336.57), Assert.IsType<DeliveryResult.RetryLater>(result).After);
    }
}
