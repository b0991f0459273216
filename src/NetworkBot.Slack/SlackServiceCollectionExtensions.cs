using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Slack.Bot;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.SocketMode;
using NetworkBot.Slack.WebApi;

namespace NetworkBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>Slack</c> section and registers the Web API client, the outbox platform, interest spaces, the
    /// <see cref="SlackInbox"/>, <see cref="SlackSocketMode"/> and <see cref="SlackBot"/>. Nothing connects: the one-shot
    /// verbs use these services without it; <see cref="HostSlackBot"/> makes the bot run with the host. HTTP mode is
    /// <c>MapSlack</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.Section)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.")
            .Validate(o => o.BotToken is null || o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal), "Slack:BotToken must be a bot token (it starts with xoxb-).")
            .Validate(o => o.AppToken is null || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal), "Slack:AppToken must be an app-level token (it starts with xapp-).")
            .Validate(o => o.Command is ['/', _, ..] && !o.Command.Any(char.IsWhiteSpace), "Slack:Command must be a slash command such as /network.")
            .Validate(o => o.SigningSecret is null || !string.IsNullOrWhiteSpace(o.SigningSecret), "Slack:SigningSecret must not be blank; copy the Signing Secret from the app's Basic Information page, or leave it unset to turn HTTP mode off.")
            .ValidateOnStart();
        builder.Services.AddSlackWebApi();
        AddSlackTransports(builder.Services);
        AddSlackHandling(builder.Services);
        return builder;
    }

    /// <summary>
    /// Runs the <see cref="SlackBot"/> that <see cref="AddSlack"/> registers while the host runs: it answers the inbox and
    /// runs Socket Mode when the host starts (and does nothing without <c>Slack:BotToken</c>). For <c>networkbot run</c>;
    /// it needs Core and a store.
    /// </summary>
    public static IHostApplicationBuilder HostSlackBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<SlackBot>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SlackBot>(sp => sp.GetRequiredService<SlackBot>()));
        return builder;
    }

    // What answers the inbox, and SlackBot, which hands it each delivery; they need Core (AddNetworkBotCore) when
    // they are resolved.
    private static void AddSlackHandling(IServiceCollection services)
    {
        services.TryAddSingleton<SlackCallers>();
        services.TryAddSingleton<SlackAnswers>();
        services.TryAddSingleton<SlackAppHome>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAppHomeSection, UpcomingEventsSection>());
        services.TryAddSingleton<SlackResponder>();
        services.TryAddSingleton<SlackBot>();
    }

    // Both transports write to the one inbox. Socket Mode is not started here: SlackBot runs it when
    // Slack:AppToken is set. Its jitter comes from a keyed Random so tests can make reconnect timing exact.
    private static void AddSlackTransports(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SlackInbox(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton<Random>(typeof(SlackSocketMode), Random.Shared);
        services.TryAddKeyedSingleton(typeof(SlackSocketMode), (_, _) => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        services.TryAddSingleton(sp => new SlackSocketMode(
            sp.GetRequiredKeyedService<HttpClient>(typeof(SlackSocketMode)),
            sp.GetRequiredService<SlackInbox>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredKeyedService<Random>(typeof(SlackSocketMode)),
            sp.GetRequiredService<ILogger<SlackSocketMode>>()));
    }
}
