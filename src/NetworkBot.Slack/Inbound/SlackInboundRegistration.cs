using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkBot.Slack.SocketMode;

namespace NetworkBot.Slack.Inbound;

/// <summary>Where Slack's deliveries come in: the one inbox both transports write to, and Socket Mode.</summary>
internal static class SlackInboundRegistration
{
    // Socket Mode is not started here: SlackBot runs it when Slack:AppToken is set. Its jitter comes from a keyed
    // Random so tests can make reconnect timing exact. HTTP mode is MapSlack.
    public static void AddSlackInbound(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SlackInbox(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton<Random>(typeof(SlackSocketMode), Random.Shared);
        services.TryAddKeyedSingleton(typeof(SlackSocketMode), (_, _) => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        services.TryAddSingleton<SlackSocketMode>();
    }
}
