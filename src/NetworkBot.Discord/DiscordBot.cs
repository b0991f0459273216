using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
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
using NetworkBot.Transport;

namespace NetworkBot.Discord;

/// <summary>
/// NetworkBot on Discord, for <c>networkbot run</c>, on the <see cref="PlatformBot"/> skeleton: at start it logs the
/// invite link and registers the commands when they changed, then keeps the gateway connected while its events are
/// handled elsewhere (the socket reader only queues them). One router takes each event off the queue at once: an
/// interaction starts on its own task, its answer deadline running from its receipt, so no other work (a slow
/// handler, a member leaving) can hold it back; every other event goes to <see cref="Workers"/> workers. An
/// interaction delivered again (a replay after a resume) is not answered twice.
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
    TimeProvider time,
    [FromKeyedServices(typeof(DiscordBot))] Random random,
    ILogger<DiscordBot> logger) : PlatformBot("Discord", lifetime, time, random, logger)
{
    public const int Workers = 4;

    /// <summary>How many interaction ids are remembered so a replayed one is not answered twice (40060); a replay comes within minutes.</summary>
    private const int RememberedInteractions = 4096;

    private readonly Channel<GatewayDispatch> otherEvents = Channel.CreateBounded<GatewayDispatch>(
        new BoundedChannelOptions(DiscordGateway.DispatchCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true });

    private readonly InFlight answering = new();
    private readonly Queue<string> recentOrder = new();
    private readonly HashSet<string> recent = new(StringComparer.Ordinal);

    /// <summary>The bot's own user, known once started.</summary>
    private MemberId? self;

    protected override bool IsEnabled => options.Value.IsEnabled;

    protected override async Task StartUpAsync(CancellationToken ct)
    {
        var application = await rest.GetCurrentApplicationAsync(ct).ConfigureAwait(false);
        self = new MemberId((await rest.GetCurrentUserAsync(ct).ConfigureAwait(false)).Id.ToString());
        Invite(Logger, DiscordInvite.For(application.Id));
        await RegisterAsync(application.Id, ct).ConfigureAwait(false);
    }

    protected override async Task RunAsync(CancellationToken ct)
    {
        var workers = RunWorkersAsync(Workers, otherEvents.Reader, (dispatch, token) => HandleAsync(c => HandleAsync(dispatch, c), $"event {dispatch.Type}", token), ct);
        var router = Task.Run(() => RouteAsync(ct), ct);
        await gateway.RunAsync(ct).ConfigureAwait(false);
        await Task.WhenAll(workers, router).ConfigureAwait(false);
        await answering.WhenAllAsync().ConfigureAwait(false);
    }

    protected override bool IsRefusal(Exception exception, out string? reason)
    {
        // The gateway has logged a fatal close's code, cause and fix in one line.
        reason = exception is DiscordAuthenticationException ? exception.Message : null;
        return exception is DiscordAuthenticationException or DiscordGatewayFatalException;
    }

    protected override bool IsOutage(Exception exception) => DiscordOutage.Is(exception);

    /// <summary>
    /// A registration Discord refuses for good (a 4xx but 401), or holds back for longer than is waited inline (its
    /// daily command limit), leaves the commands registered last time in place; one that fails for a passing reason
    /// (no answer, a 5xx) is tried again with the rest of the start-up.
    /// </summary>
    private async Task RegisterAsync(Snowflake applicationId, CancellationToken ct)
    {
        try
        {
            await registrar.EnsureRegisteredAsync(applicationId, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DiscordRateLimitedException
            || exception is DiscordApiException { IsOutage: false } and not DiscordAuthenticationException)
        {
            RegistrationFailed(Logger, exception.Message);
        }
    }

    /// <summary>Never waits on a handler: an interaction starts at once, anything else joins the workers' queue.</summary>
    private async Task RouteAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (dispatch.Type == "INTERACTION_CREATE")
                {
                    StartAnswering(dispatch, ct);
                }
                else
                {
                    await otherEvents.Writer.WriteAsync(dispatch, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            otherEvents.Writer.TryComplete();
        }
    }

    private void StartAnswering(GatewayDispatch dispatch, CancellationToken ct)
    {
        if (dispatch.Data.ValueKind == JsonValueKind.Object && dispatch.Data.TryGetProperty("id", out var id)
            && id.GetString() is { Length: > 0 } interaction && !FirstTime(interaction))
        {
            AlreadyAnswered(Logger, interaction);
            return;
        }

        // Stopping leaves it unanswered, as any interaction in flight at a stop.
        answering.Start(() => HandleAsync(c => responder.RespondAsync(dispatch.Data, dispatch.ReceivedAt, c), $"event {dispatch.Type}", ct));
    }

    /// <summary>True the first time an interaction id is seen; the oldest ids are forgotten past <see cref="RememberedInteractions"/>.</summary>
    private bool FirstTime(string interaction)
    {
        // Only the router calls this, so the set needs no lock.
        if (!recent.Add(interaction))
        {
            return false;
        }

        recentOrder.Enqueue(interaction);
        if (recentOrder.Count > RememberedInteractions)
        {
            recent.Remove(recentOrder.Dequeue());
        }

        return true;
    }

    private Task HandleAsync(GatewayDispatch dispatch, CancellationToken ct) => dispatch.Type switch
    {
        "GUILD_MEMBER_REMOVE" => MemberLeftAsync(dispatch.Data, ct),
        "GUILD_MEMBER_ADD" => MemberReturnedAsync(dispatch.Data, ct),
        "GUILD_SCHEDULED_EVENT_USER_ADD" => InterestedAsync(dispatch.Data, interested: true, ct),
        "GUILD_SCHEDULED_EVENT_USER_REMOVE" => InterestedAsync(dispatch.Data, interested: false, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// <c>{"guild_id": "…", "user": {"id": "…", …}}</c>: the member's coffee chats pause until they come back, and their data
    /// waits out the community's retention period.
    /// </summary>
    private Task MemberLeftAsync(JsonElement data, CancellationToken ct) =>
        GuildMember(data) is { } left ? departures.LeftAsync(left.Community, left.Member, ct) : Task.CompletedTask;

    /// <summary>A member joining the server (the same shape, with the member's fields): one who had left keeps their data.</summary>
    private Task MemberReturnedAsync(JsonElement data, CancellationToken ct) =>
        GuildMember(data) is { } back ? departures.ReturnedAsync(back.Community, back.Member, ct) : Task.CompletedTask;

    private static (CommunityId Community, MemberId Member)? GuildMember(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("guild_id", out var guild) && guild.GetString() is { Length: > 0 } guildId
        && data.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
        && user.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } userId
            ? (CommunityId.For(DiscordPlatform.PlatformName, guildId), new MemberId(userId))
            : null;

    /// <summary>"Interested" in a scheduled event is a Maybe; taking it back withdraws that Maybe (<see cref="PlatformEventInterest"/>).</summary>
    private Task InterestedAsync(JsonElement data, bool interested, CancellationToken ct) =>
        ScheduledEventUser.From(data, self) is { } user
            ? interest.ChangedAsync(user.Community, user.ScheduledEvent, user.Member, interested, ct)
            : Task.CompletedTask;

    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "Invite NetworkBot to a server with {InviteUrl}")]
    private static partial void Invite(ILogger logger, Uri inviteUrl);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Could not register the Discord commands; the ones registered before stay in place: {Reason}")]
    private static partial void RegistrationFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Information, Message = "Interaction {Interaction} arrived again; it is answered once")]
    private static partial void AlreadyAnswered(ILogger logger, string interaction);
}
