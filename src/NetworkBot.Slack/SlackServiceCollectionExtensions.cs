using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NetworkBot.Slack.Bot;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.WebApi;
using NetworkBot.Transport;

namespace NetworkBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>Slack</c> section and registers the Web API client, the outbox platform, interest spaces, the
    /// <see cref="SlackInbox"/>, <see cref="SocketMode.SlackSocketMode"/> and <see cref="SlackBot"/>. Nothing connects: the one-shot
    /// verbs use these services without it; <see cref="HostSlackBot"/> makes the bot run with the host. HTTP mode is
    /// <c>MapSlack</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var services = builder.AddPlatformOptions(SlackOptions.Section, SlackOptions.Rules);
        services.AddSlackWebApi();
        services.AddSlackInbound();
        AddSlackHandling(services);
        return builder;
    }

    /// <summary>
    /// Runs the <see cref="SlackBot"/> that <see cref="AddSlack"/> registers while the host runs: it answers the inbox and
    /// runs Socket Mode when the host starts (and does nothing without <c>Slack:BotToken</c>). For <c>networkbot run</c>;
    /// it needs Core and a store.
    /// </summary>
    public static IHostApplicationBuilder HostSlackBot(this IHostApplicationBuilder builder) => builder.HostPlatformBot<SlackBot>();

    // What answers the inbox, and SlackBot, which hands it each delivery; they need Core (AddNetworkBotCore) when
    // they are resolved.
    private static void AddSlackHandling(IServiceCollection services)
    {
        services.TryAddSingleton<SlackCallers>();
        services.TryAddSingleton<SlackAnswers>();
        services.TryAddSingleton<SlackAppHome>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAppHomeSection, UpcomingEventsSection>());
        services.TryAddSingleton<SlackResponder>();
        services.AddPlatformBot<SlackBot>();
    }
}
