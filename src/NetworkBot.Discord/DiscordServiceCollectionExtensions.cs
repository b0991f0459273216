using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Platform;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Spaces;

namespace NetworkBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Binds the <c>Discord</c> section and registers the REST client and the outbox platform. The gateway client registers here as it arrives.</summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.Section)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Discord:ApiBaseUrl must be an absolute URL such as https://discord.com/api/v10.")
            .ValidateOnStart();
        AddDiscordRest(builder.Services);

        // Always registered: the outbox only hands it messages of discord: communities.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, DiscordPlatform>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterestSpaces, DiscordInterestSpaces>());
        return builder;
    }

    // Microsoft.Extensions.Http (AddHttpClient) is not referenced by this class library, so the client gets one
    // long-lived HttpClient whose pooled connections are recycled to follow DNS changes. The container owns
    // and disposes it; the rate limiter is a singleton because Discord's limits are per bot token.
    private static void AddDiscordRest(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddKeyedSingleton(typeof(DiscordRestClient), (_, _) => new HttpClient(
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        });
        services.TryAddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredKeyedService<HttpClient>(typeof(DiscordRestClient)),
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<DiscordRateLimiter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
    }
}
