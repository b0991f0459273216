using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Platform;
using NetworkBot.Slack.Spaces;
using NetworkBot.Transport;

namespace NetworkBot.Slack.WebApi;

/// <summary>The Web API client and what is built on it: the outbox platform and interest spaces.</summary>
internal static class SlackWebApiRegistration
{
    // The rate limiter is a singleton because Slack's limits are per app and workspace.
    public static void AddSlackWebApi(this IServiceCollection services)
    {
        services.TryAddSingleton<SlackRateLimiter>();
        services.AddPlatformHttpClient<SlackApiClient>();

        // Always registered: the outbox only hands it messages of slack: communities.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, SlackPlatform>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterestSpaces, SlackInterestSpaces>());
    }
}
