using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Discord;
using NetworkBot.Host.Dashboard;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Shell;
using NetworkBot.Slack;
using NetworkBot.Slack.Http;
using NetworkBot.Storage.Sqlite;
using NetworkBot.Transport;

namespace NetworkBot.Host.Cli;

/// <summary>
/// <c>networkbot run</c>: the long-running worker with its HTTP listener (health, readiness, metrics, calendar feeds, the managers'
/// dashboard; Slack HTTP mode). Refuses to start without a chat platform. Exit codes: 0 stopped when asked,
/// 2 bad configuration, 3 a platform refused it (<see cref="PlatformBot.ConfigurationRefusedExitCode"/>), 4 a background
/// part failed (<see cref="PartFailedExitCode"/>), 5 another process holds the embedded database (<see cref="DatabaseLock.InUseExitCode"/>).
/// </summary>
internal static class RunCommand
{
    /// <summary>A background part (a bot, the outbox, the scheduler) failed and took the worker down.</summary>
    public const int PartFailedExitCode = 4;

    public static async Task<int> RunAsync(ShellConsole console, IReadOnlyDictionary<string, string?> overrides, TimeProvider? clock, CancellationToken ct)
    {
        var builder = NetworkBotHost.CreateWebBuilder(clock);
        NetworkBotHost.Configure(builder, console, overrides, LogLevel.Information);
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? WebOptions.DefaultUrl);
        builder.AddNetworkBotWorkers();
        builder.AddNetworkBotHealth();
        builder.AddNetworkBotMetrics();
        builder.AddNetworkBotDashboard(local: false);
        builder.HostDiscordBot();
        builder.HostSlackBot();
        await using var app = builder.Build();

        var problems = NetworkBotHost.ConfigurationProblems(app.Services).ToList();
        if (problems.Count == 0
            && !app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value.IsEnabled
            && !app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled)
        {
            problems.Add("no chat platform is configured: set Discord:Token (environment Discord__Token) and/or Slack:BotToken (Slack__BotToken). To try NetworkBot without one, use 'networkbot shell' or 'networkbot demo'.");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"networkbot: configuration: {problem}").ConfigureAwait(false);
            }

            return 2;
        }

        using var database = await DatabaseGate.EnterAsync(app.Services, "run", console).ConfigureAwait(false);
        if (database is null)
        {
            return DatabaseLock.InUseExitCode;
        }

        app.MapHealth();
        app.MapMetrics();
        app.MapCalendarFeed();
        app.MapDashboard();
        if (app.Services.GetRequiredService<IOptions<SlackOptions>>().Value is { IsEnabled: true, SigningSecret: { Length: > 0 } })
        {
            app.MapSlack();
        }

        var parts = app.Services.GetServices<IHostedService>().ToList();
        var bots = parts.OfType<PlatformBot>().ToList();
        try
        {
            await app.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bots.Any(b => b.Refused))
        {
            // A platform refused its token while the host was still starting: starting was cancelled by the stop.
        }
        catch (Exception) when (FailedPart(parts) is not null)
        {
            // A background part failed while the host was still starting, which fails the start; said below.
        }

        if (bots.Any(b => b.Refused))
        {
            return PlatformBot.ConfigurationRefusedExitCode;
        }

        // Once started, the host stops when a background part fails (HostOptions.BackgroundServiceExceptionBehavior)
        // as if asked to, and returns normally.
        if (FailedPart(parts) is { } failed)
        {
            var cause = failed.ExecuteTask!.Exception!.GetBaseException();
            await console.Error.WriteLineAsync($"networkbot: {failed.GetType().Name} failed, so NetworkBot stopped: {cause.Message}").ConfigureAwait(false);
            return PartFailedExitCode;
        }

        return 0;
    }

    private static BackgroundService? FailedPart(IEnumerable<IHostedService> parts) =>
        parts.OfType<BackgroundService>().FirstOrDefault(p => p.ExecuteTask is { IsFaulted: true });
}
