using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Platform;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Spaces;

namespace NetworkBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Binds the <c>Discord</c> section and registers the REST client, the outbox platform, command registration and interaction answers.</summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.Section)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Discord:ApiBaseUrl must be an absolute URL such as https://discord.com/api/v10.")
            .Validate(o => o.GuildIds.All(id => ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)), "Discord:GuildIds must hold server ids, numbers such as 81384788765712384.")
            .ValidateOnStart();
        AddDiscordRest(builder.Services);
        builder.Services.TryAddSingleton<CommandRegistrar>();
        builder.Services.TryAddSingleton<InteractionResponder>();

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
