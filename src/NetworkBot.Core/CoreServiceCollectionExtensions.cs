using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Telemetry;
using NetworkBot.Core.Web;

namespace NetworkBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The command layer, the outbox dispatcher, their metrics and the clock. Platforms and the store are added by their own projects.</summary>
    public static IHostApplicationBuilder AddNetworkBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OptionBinder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, HelpCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, IntroCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, CoffeeCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, InterestCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, SetupCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, MeetingAnswers>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, ConnectionCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, CoffeeAdminCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, EventCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, EventAdminCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, DashboardCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, PrivacyCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, AskCommands>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandModule, AskAnswers>());
        services.TryAddSingleton(WebLinks.PathsOnly);
        services.TryAddSingleton<CommandDispatcher>();
        services.TryAddSingleton<CommandSuggestions>();
        services.TryAddSingleton<InterestSpaceSync>();
        services.TryAddSingleton<PlatformEventSync>();
        services.TryAddSingleton<OutboxDispatcher>();

        // On the host's IMeterFactory; the host decides where the measurements go.
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<OutboxGauges>();
        services.TryAddSingleton<PairingEngine>();
        services.TryAddSingleton(ConversationStarters.None);
        services.TryAddSingleton<GroupIntroduction>();
        services.TryAddSingleton<CoffeeRounds>();
        services.TryAddSingleton<LateJoiners>();
        services.TryAddSingleton<Departures>();
        services.TryAddSingleton<MemberEraser>();
        services.TryAddSingleton<RetentionScheduler>();
        services.TryAddSingleton<StepSupervisor>();
        services.TryAddSingleton<RoundScheduler>();
        services.TryAddSingleton<EventScheduler>();
        services.TryAddSingleton<PlatformEventInterest>();
        services.TryAddSingleton<DashboardFigures>();
        services.TryAddSingleton(AskGlossary.None);
        services.TryAddSingleton<IAskMatcher>(sp => new LuceneAskMatcher(sp.GetRequiredService<AskGlossary>()));
        services.TryAddSingleton<AskSteps>();
        services.TryAddSingleton<AskScheduler>();
        services.TryAddSingleton<ScheduledSteps>();
        return builder;
    }
}
