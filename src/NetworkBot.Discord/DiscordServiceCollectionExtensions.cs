using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Platform;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Events;
using NetworkBot.Discord.Gateway;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Spaces;

namespace NetworkBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>Discord</c> section and registers the REST client, the outbox platform, interest spaces, scheduled events, command
    /// registration, interaction answers, the <see cref="DiscordGateway"/> and <see cref="DiscordBot"/>. Nothing connects:
    /// the one-shot verbs use these services without it; <see cref="HostDiscordBot"/> makes the bot run with the host.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.Section)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Discord:ApiBaseUrl must be an absolute URL such as https://discord.com/api/v10.")
            .Validate(o => o.GuildIds.All(id => ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)), "Discord:GuildIds must hold server ids, numbers such as 81384788765712384.")
            .Validate(o => o.ShardId.HasValue == o.ShardCount.HasValue, "Set both Discord:ShardId and Discord:ShardCount, or neither to run all shards Discord recommends.")
            .Validate(o => o.ShardCount is null or > 0, "Discord:ShardCount must be at least 1.")
            .Validate(o => o.ShardId is null || (o.ShardId >= 0 && o.ShardId < o.ShardCount), "Discord:ShardId must be at least 0 and below Discord:ShardCount.")
            .ValidateOnStart();
        AddDiscordRest(builder.Services);
        AddDiscordGateway(builder.Services);
        builder.Services.TryAddSingleton<CommandRegistrar>();
        builder.Services.TryAddSingleton<InteractionResponder>();
        builder.Services.TryAddSingleton<DiscordBot>();

        // Always registered: the outbox only hands it messages of discord: communities.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, DiscordPlatform>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterestSpaces, DiscordInterestSpaces>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformEvents, DiscordScheduledEvents>());
        return builder;
    }

    /// <summary>
    /// Runs the <see cref="DiscordBot"/> that <see cref="AddDiscord"/> registers while the host runs: it connects when the
    /// host starts (and does nothing without <c>Discord:Token</c>). For <c>networkbot run</c>; it needs Core and a store.
    /// </summary>
    public static IHostApplicationBuilder HostDiscordBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<DiscordBot>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DiscordBot>(sp => sp.GetRequiredService<DiscordBot>()));
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
        // Retry jitter from a keyed Random, as the gateway's, so tests can make the backoff exact.
        services.TryAddKeyedSingleton<Random>(typeof(DiscordRestClient), Random.Shared);
        services.TryAddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredKeyedService<HttpClient>(typeof(DiscordRestClient)),
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<DiscordRateLimiter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredKeyedService<Random>(typeof(DiscordRestClient)),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
    }

    // The gateway's jitter comes from a keyed Random so tests can make heartbeat and reconnect timing exact.
    private static void AddDiscordGateway(IServiceCollection services)
    {
        services.TryAddKeyedSingleton<Random>(typeof(DiscordGateway), Random.Shared);
        services.TryAddSingleton(sp => new DiscordGateway(
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredKeyedService<Random>(typeof(DiscordGateway)),
            sp.GetRequiredService<ILogger<DiscordGateway>>()));
    }
}
