using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Events;
using NetworkBot.Discord.Gateway;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord;

/// <summary>
/// NetworkBot on Discord, for <c>networkbot run</c>: at start it logs the invite link and registers the commands
/// when they changed, then keeps the gateway connected while <see cref="Workers"/> workers handle its events
/// (the socket reader only queues them). A rejected token or a fatal gateway close stops the process with one
/// clear line, never a reconnect loop.
/// </summary>
public sealed partial class DiscordBot(
    IOptions<DiscordOptions> options,
    DiscordRestClient rest,
    DiscordGateway gateway,
    CommandRegistrar registrar,
    InteractionResponder responder,
    Departures departures,
    PlatformEventInterest interest,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordBot> logger) : BackgroundService
{
    public const int Workers = 4;

    /// <summary>The process exit code after Discord refused the configuration (token, intents, shards).</summary>
    public const int ConfigurationRefusedExitCode = 3;

    /// <summary>Discord refused the token or the gateway settings; the process was asked to stop.</summary>
    public bool Refused { get; private set; }

    /// <summary>The bot's own user, known once started.</summary>
    private MemberId? self;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        try
        {
            var application = await rest.GetCurrentApplicationAsync(stoppingToken).ConfigureAwait(false);
            self = new MemberId((await rest.GetCurrentUserAsync(stoppingToken).ConfigureAwait(false)).Id.ToString());
            Invite(logger, DiscordInvite.For(application.Id));
            await RegisterAsync(application.Id, stoppingToken).ConfigureAwait(false);
            var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => ConsumeAsync(stoppingToken), stoppingToken)).ToList();
            await gateway.RunAsync(stoppingToken).ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DiscordAuthenticationException exception)
        {
            RefusedLog(logger, exception.Message);
            Stop();
        }
        catch (DiscordGatewayFatalException)
        {
            // The gateway has logged the close code, its cause and the fix in one line.
            Stop();
        }
    }

    private void Stop()
    {
        Refused = true;
        lifetime.StopApplication();
    }

    /// <summary>A registration that fails for a passing reason leaves the commands registered last time in place.</summary>
    private async Task RegisterAsync(Snowflake applicationId, CancellationToken ct)
    {
        try
        {
            await registrar.EnsureRegisteredAsync(applicationId, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is (DiscordApiException or HttpRequestException or DiscordRateLimitedException) and not DiscordAuthenticationException)
        {
            RegistrationFailed(logger, exception.Message);
        }
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await HandleAsync(dispatch, ct).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                DispatchFailed(logger, exception, dispatch.Type);
            }
        }
    }

    private Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct) => dispatch.Type switch
    {
        "INTERACTION_CREATE" => responder.RespondAsync(dispatch.Data, ct),
        "GUILD_MEMBER_REMOVE" => MemberLeftAsync(dispatch.Data, ct),
        "GUILD_SCHEDULED_EVENT_USER_ADD" => InterestedAsync(dispatch.Data, interested: true, ct),
        "GUILD_SCHEDULED_EVENT_USER_REMOVE" => InterestedAsync(dispatch.Data, interested: false, ct),
        _ => Task.CompletedTask,
    };

    /// <summary><c>{"guild_id": "…", "user": {"id": "…", …}}</c>: the member's coffee chats pause until they come back.</summary>
    private Task MemberLeftAsync(JsonElement data, CancellationToken ct) =>
        data.TryGetProperty("guild_id", out var guild) && guild.GetString() is { Length: > 0 } guildId
        && data.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } userId
            ? departures.LeftAsync(CommunityId.For(DiscordPlatform.PlatformName, guildId), new MemberId(userId), ct)
            : Task.CompletedTask;

    /// <summary>"Interested" in a scheduled event is a Maybe; taking it back withdraws that Maybe (<see cref="PlatformEventInterest"/>).</summary>
    private Task InterestedAsync(JsonElement data, bool interested, CancellationToken ct) =>
        ScheduledEventUser.From(data, self) is { } user
            ? interest.ChangedAsync(user.Community, user.ScheduledEvent, user.Member, interested, ct)
            : Task.CompletedTask;

    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "Invite NetworkBot to a server with {InviteUrl}")]
    private static partial void Invite(ILogger logger, Uri inviteUrl);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Critical, Message = "Discord refused NetworkBot: {Reason} NetworkBot stops; fix the setting and start it again.")]
    private static partial void RefusedLog(ILogger logger, string reason);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Could not register the Discord commands; the ones registered before stay in place: {Reason}")]
    private static partial void RegistrationFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Error, Message = "Handling the Discord event {EventType} failed")]
    private static partial void DispatchFailed(ILogger logger, Exception exception, string eventType);
}
