using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Platform;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Events;
using NetworkBot.Discord.Gateway;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Spaces;
using NetworkBot.Transport;

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
        var services = builder.AddPlatformOptions(DiscordOptions.Section, DiscordOptions.Rules);
        services.AddPlatformTelemetry();

        // The rate limiter is a singleton because Discord's limits are per bot token.
        services.TryAddSingleton<DiscordRateLimiter>();
        services.AddPlatformHttpClient<DiscordRestClient>();
        services.TryAddSingleton<DiscordDmChannels>();
        services.TryAddSingleton<DirectFiles>();

        // The gateway's jitter comes from a keyed Random so tests can make heartbeat and reconnect timing exact.
        services.TryAddKeyedSingleton<Random>(typeof(DiscordGateway), Random.Shared);
        services.TryAddSingleton<DiscordGateway>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<InteractionResponder>();
        services.AddPlatformBot<DiscordBot>();

        // Always registered: the outbox only hands it messages of discord: communities.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, DiscordPlatform>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterestSpaces, DiscordInterestSpaces>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformEvents, DiscordScheduledEvents>());
        return builder;
    }

    /// <summary>
    /// Runs the <see cref="DiscordBot"/> that <see cref="AddDiscord"/> registers while the host runs: it connects when the
    /// host starts (and does nothing without <c>Discord:Token</c>). For <c>networkbot run</c>; it needs Core and a store.
    /// </summary>
    public static IHostApplicationBuilder HostDiscordBot(this IHostApplicationBuilder builder) => builder.HostPlatformBot<DiscordBot>();
}
