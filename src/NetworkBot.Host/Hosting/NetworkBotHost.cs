using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Platform;
using NetworkBot.Discord;
using NetworkBot.Host.Demo;
using NetworkBot.Host.Shell;
using NetworkBot.Slack;
using NetworkBot.Storage;

namespace NetworkBot.Host.Hosting;

/// <summary>How every verb builds its services: configuration sources, logging, and the parts of NetworkBot.</summary>
internal static class NetworkBotHost
{
    /// <summary>
    /// Configuration, lowest precedence first: the verb's own log level for NetworkBot (the worker tells more than a
    /// one-shot verb), <c>config/appsettings.json</c> next to the executable, environment variables
    /// (<c>Storage__ConnectionString</c>), then the caller's overrides (tests).
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, ShellConsole console, IReadOnlyDictionary<string, string?> overrides, LogLevel networkBotLogLevel)
    {
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddInMemoryCollection([new("Logging:LogLevel:NetworkBot", networkBotLogLevel.ToString())])
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.TryAddSingleton(console);
        builder.Services.TryAddSingleton(_ => ConversationStartersFile.Load(ConversationStartersFile.DefaultPath));
        builder.Services.TryAddSingleton(_ => AskGlossaryFile.Load(AskGlossaryFile.DefaultPath));
        builder.Services.TryAddSingleton<ShellPlatform>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatPlatform, ShellPlatform>(sp => sp.GetRequiredService<ShellPlatform>()));
        builder.Services.TryAddSingleton<ShellSession>();
        builder.Services.TryAddSingleton<DemoRunner>();
        builder.AddNetworkBotWeb();
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        builder.AddDiscord();
        builder.AddSlack();
    }

    /// <summary>
    /// The web host of a verb that listens (<c>run</c>, <c>dashboard</c>), on <paramref name="clock"/> when a test gives one.
    /// Its application name is the executable's, whoever starts it (a test runner too): static web assets are found
    /// by that name (<c>networkbot.staticwebassets.*.json</c>). Its web root is the one published beside the executable,
    /// since the content root is wherever the operator stands (<c>data/</c> lands there).
    /// </summary>
    public static WebApplicationBuilder CreateWebBuilder(TimeProvider? clock)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            ApplicationName = typeof(NetworkBotHost).Assembly.GetName().Name,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        return builder;
    }

    /// <summary>
    /// Builds the services for a one-shot verb (demo, shell, migrate) and checks the configuration. Their clock is
    /// <paramref name="clock"/> (a test's) or the system's, plus what the shell's <c>/wait</c> skips. A verb uses the
    /// services and never starts the host, which holds no hosted service anyway: only <c>networkbot run</c> hosts the
    /// bots (<c>HostDiscordBot</c>, <c>HostSlackBot</c>) and the workers (<c>AddNetworkBotWorkers</c>).
    /// </summary>
    public static (IHost? Host, IReadOnlyList<string> Problems) BuildForVerb(ShellConsole console, IReadOnlyDictionary<string, string?> overrides, TimeProvider? clock = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Services.AddSingleton(new ShellClock(clock ?? TimeProvider.System));
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ShellClock>());
        Configure(builder, console, overrides, LogLevel.Warning);
        var host = builder.Build();
        var problems = ConfigurationProblems(host.Services);
        if (problems.Count == 0)
        {
            return (host, problems);
        }

        host.Dispose();
        return (null, problems);
    }

    /// <summary>
    /// Runs the options validation that <c>ValidateOnStart</c> would, and reads the ask glossary, one line per problem: a
    /// malformed glossary stops the start rather than the first <c>/ask</c>.
    /// </summary>
    public static IReadOnlyList<string> ConfigurationProblems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            services.GetService<AskGlossary>();
            return [];
        }
        catch (InvalidDataException exception)
        {
            return [exception.Message];
        }
        catch (OptionsValidationException exception)
        {
            return exception.Failures.ToList();
        }
        catch (AggregateException exception)
        {
            return exception.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        }
    }
}
