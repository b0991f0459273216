using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Platform;
using NetworkBot.Slack.Spaces;

namespace NetworkBot.Slack.WebApi;

/// <summary>The Web API client and what is built on it: the outbox platform and interest spaces.</summary>
internal static class SlackWebApiRegistration
{
    // Microsoft.Extensions.Http (AddHttpClient) is not referenced by this class library, so the client gets one
    // long-lived HttpClient whose pooled connections are recycled to follow DNS changes. The container owns and
    // disposes it; the rate limiter is a singleton because Slack's limits are per app and workspace.
    public static void AddSlackWebApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRateLimiter>();
        services.TryAddKeyedSingleton(typeof(SlackApiClient), (_, _) => new HttpClient(
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        });
        // Retry jitter from a keyed Random, as Socket Mode's, so tests can make the backoff exact.
        services.TryAddKeyedSingleton<Random>(typeof(SlackApiClient), Random.Shared);
        services.TryAddSingleton(sp => new SlackApiClient(
            sp.GetRequiredKeyedService<HttpClient>(typeof(SlackApiClient)),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<SlackRateLimiter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredKeyedService<Random>(typeof(SlackApiClient)),
            sp.GetRequiredService<ILogger<SlackApiClient>>()));

        // Always registered: the outbox only hands it messages of slack: communities.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, SlackPlatform>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterestSpaces, SlackInterestSpaces>());
    }
}
