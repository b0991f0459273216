using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Slack.Bot;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.SocketMode;
using NetworkBot.Slack.WebApi;
using NetworkBot.Transport;

namespace NetworkBot.Slack;

/// <summary>
/// NetworkBot on Slack, for <c>networkbot run</c>, on the <see cref="PlatformBot"/> skeleton: at start
/// <c>auth.test</c> says which workspace and bot user the token belongs to; then Socket Mode stays connected (when
/// <c>Slack:AppToken</c> is set; HTTP mode needs no connection) while <see cref="Workers"/> workers answer each
/// delivery either transport put in the <see cref="SlackInbox"/>, so a slow answer never holds back the next one.
/// </summary>
public sealed partial class SlackBot(
    IOptions<SlackOptions> options,
    SlackApiClient api,
    SlackSocketMode socketMode,
    SlackInbox inbox,
    SlackResponder responder,
    PlatformConnections connections,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    [FromKeyedServices(typeof(SlackBot))] Random random,
    ILogger<SlackBot> logger) : PlatformBot("Slack", lifetime, time, random, logger)
{
    /// <summary>Generous: most answers wait on the network; past it reading waits, while the transport still acknowledges on time.</summary>
    public const int Workers = 64;

    protected override bool IsEnabled => options.Value.IsEnabled;

    protected override async Task StartUpAsync(CancellationToken ct)
    {
        var auth = await api.AuthTestAsync(ct).ConfigureAwait(false);
        Connected(Logger, auth.TeamId, auth.UserId);
        if (string.IsNullOrWhiteSpace(options.Value.AppToken))
        {
            // HTTP mode has no connection of its own: Slack reaches the endpoints once the token is known good.
            connections.Up(SlackPlatform.PlatformName, "http", "auth.test done");
        }
        else
        {
            foreach (var name in socketMode.ConnectionNames)
            {
                connections.Expect(SlackPlatform.PlatformName, name);
            }
        }
    }

    protected override async Task RunAsync(CancellationToken ct)
    {
        var workers = RunWorkersAsync(
            Workers, inbox.Reader, (inbound, token) => HandleAsync(c => responder.RespondAsync(inbound, c), $"{inbound.Kind} {inbound.Type}", token), ct);
        if (!string.IsNullOrWhiteSpace(options.Value.AppToken))
        {
            await socketMode.RunAsync(ct).ConfigureAwait(false);
        }

        await workers.ConfigureAwait(false);
    }

    protected override bool IsRefusal(Exception exception, out string? reason)
    {
        // Socket Mode has logged a refused app token's cause and fix in one line.
        var refused = exception is SlackApiException { Error: SlackApiErrors.TokenRevoked or SlackApiErrors.AccountInactive } or SlackApiException { IsAuthentication: true };
        reason = refused ? exception.Message : null;
        return refused || exception is SlackSocketModeFatalException;
    }

    protected override bool IsOutage(Exception exception) => ReconnectLoop.IsUnanswered(exception) || exception is SlackApiException { IsTransient: true };

    [LoggerMessage(EventId = 3650, Level = LogLevel.Information, Message = "Connected to Slack workspace {Team} as bot user {BotUser}")]
    private static partial void Connected(ILogger logger, string team, string botUser);
}
