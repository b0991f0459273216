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
/// NetworkBot on Slack, for <c>networkbot run</c>: at start <c>auth.test</c> says which workspace and bot user the
/// token belongs to; then Socket Mode stays connected (when <c>Slack:AppToken</c> is set; HTTP mode needs no
/// connection) while each delivery either transport put in the <see cref="SlackInbox"/> is answered on its own task,
/// at most <see cref="MaxConcurrentDeliveries"/> at once, so a slow answer never holds back the next one.
/// A refused bot or app token stops the process with one clear line, never a reconnect loop.
/// </summary>
public sealed partial class SlackBot(
    IOptions<SlackOptions> options,
    SlackApiClient api,
    SlackSocketMode socketMode,
    SlackInbox inbox,
    SlackResponder responder,
    IHostApplicationLifetime lifetime,
    ILogger<SlackBot> logger) : BackgroundService
{
    /// <summary>Generous: most answers wait on the network; past it reading waits, while the transport still acknowledges on time.</summary>
    public const int MaxConcurrentDeliveries = 64;

    /// <summary>Slack refused the bot or app token; the process was asked to stop.</summary>
    public bool Refused { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        try
        {
            var auth = await api.AuthTestAsync(stoppingToken).ConfigureAwait(false);
            Connected(logger, auth.TeamId, auth.UserId);
            var workers = new List<Task> { Task.Run(() => ConsumeAsync(stoppingToken), stoppingToken) };
            if (!string.IsNullOrWhiteSpace(options.Value.AppToken))
            {
                await socketMode.RunAsync(stoppingToken).ConfigureAwait(false);
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (SlackApiException exception) when (SlackApiErrors.IsAuthentication(exception.Error)
            || exception.Error is SlackApiErrors.TokenRevoked or SlackApiErrors.AccountInactive)
        {
            RefusedLog(logger, SlackApiErrors.Describe(exception.Method, exception.Error, exception.Details));
            Stop();
        }
        catch (SlackSocketModeFatalException)
        {
            // Socket Mode has logged the cause and the fix in one line.
            Stop();
        }
    }

    private void Stop()
    {
        Refused = true;
        lifetime.StopApplication();
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        using var places = new SemaphoreSlim(MaxConcurrentDeliveries, MaxConcurrentDeliveries);
        var running = new InFlight();
        try
        {
            await foreach (var inbound in inbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await places.WaitAsync(ct).ConfigureAwait(false);
                running.Start(() => RespondAsync(inbound, places, ct));
            }
        }
        finally
        {
            // RespondAsync never throws; waiting keeps the semaphore alive until the last one released it.
            await running.WhenAllAsync().ConfigureAwait(false);
        }
    }

    private async Task RespondAsync(SlackInbound inbound, SemaphoreSlim places, CancellationToken ct)
    {
        try
        {
            await responder.RespondAsync(inbound, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            HandlingFailed(logger, exception, inbound.Kind, inbound.Type);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the transport has acknowledged or will; nothing more to answer.
        }
        finally
        {
            places.Release();
        }
    }

    [LoggerMessage(EventId = 3650, Level = LogLevel.Information, Message = "Connected to Slack workspace {Team} as bot user {BotUser}")]
    private static partial void Connected(ILogger logger, string team, string botUser);

    [LoggerMessage(EventId = 3651, Level = LogLevel.Critical, Message = "Slack refused NetworkBot: {Reason} NetworkBot stops; fix the setting and start it again.")]
    private static partial void RefusedLog(ILogger logger, string reason);

    [LoggerMessage(EventId = 3652, Level = LogLevel.Error, Message = "Handling the Slack {Kind} {Type} failed")]
    private static partial void HandlingFailed(ILogger logger, Exception exception, SlackInboundKind kind, string? type);
}
