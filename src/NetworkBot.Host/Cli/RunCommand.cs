using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Discord;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Shell;
using NetworkBot.Slack;
using NetworkBot.Slack.Http;
using NetworkBot.Transport;

namespace NetworkBot.Host.Cli;

/// <summary>
/// <c>networkbot run</c>: the long-running worker with its HTTP listener (health, calendar feeds; Slack HTTP mode
/// and the dashboard as they arrive). Refuses to start without a chat platform.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(ShellConsole console, IReadOnlyDictionary<string, string?> overrides, TimeProvider? clock, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        NetworkBotHost.Configure(builder, console, overrides, LogLevel.Information);
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:8080");
        builder.AddNetworkBotWorkers();
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

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapCalendarFeed();
        if (app.Services.GetRequiredService<IOptions<SlackOptions>>().Value is { IsEnabled: true, SigningSecret: { Length: > 0 } })
        {
            app.MapSlack();
        }

        var bots = app.Services.GetServices<IHostedService>().OfType<PlatformBot>().ToList();
        try
        {
            await app.RunAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bots.Any(b => b.Refused))
        {
            // A platform refused its token while the host was still starting: starting was cancelled by the stop.
        }

        return bots.Any(b => b.Refused) ? PlatformBot.ConfigurationRefusedExitCode : 0;
    }
}
