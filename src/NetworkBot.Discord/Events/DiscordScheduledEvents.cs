using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Events;

/// <summary>
/// An event as a Discord scheduled event, so it shows in the server's event list and members can mark it
/// "Interested": EXTERNAL (entity type 3, which needs a location and an end time and no channel), visible to the
/// server only (privacy level 2). Its location is the event's place, else a link to the channel it is announced in,
/// else "Discord". Creating needs Create Events, changing and cancelling Manage Events; Discord refuses a lack of
/// either with 50013, reported as <see cref="PlatformEventOutcome.MissingPermission"/>.
/// Discord has no idempotency key for scheduled events, so the description ends with the event's <see cref="Marker"/>:
/// before making one, the guild's scheduled events are searched for it, and one an interrupted attempt made (its answer
/// lost to a timeout or a crash) is adopted instead of made again.
/// </summary>
public sealed class DiscordScheduledEvents(DiscordRestClient rest, ILogger<DiscordScheduledEvents> logger) : IPlatformEvents
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxLocationLength = 100;
    public const int ExternalEntityType = 3;
    public const int ScheduledStatus = 1;
    public const int ActiveStatus = 2;
    public const int CompletedStatus = 3;
    public const int CanceledStatus = 4;
    public const string DefaultLocation = "Discord";

    public string Platform => DiscordPlatform.PlatformName;

    /// <summary>
    /// PATCHes the scheduled event the event refers to with everything Discord shows; when that one is gone or over
    /// (deleted by hand, or completed, as a repeating event's past occurrence is), or the event refers to none yet, adopts
    /// the live one carrying the event's marker, else makes a new one.
    /// </summary>
    public async Task<PlatformEventResult> PublishAsync(Community community, Event ev, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ev);
        if (!Snowflake.TryParse(community.Id.ExternalId, out var guild))
        {
            return new PlatformEventResult(PlatformEventOutcome.Refused, ev.PlatformRef);
        }

        try
        {
            if (Snowflake.TryParse(ev.PlatformRef, out var existing)
                && await ModifyAsync(guild, existing, ev, Location(community, guild, ev), ct).ConfigureAwait(false) is { } kept)
            {
                return PlatformEventResult.Done(kept.Id.ToString());
            }

            if (await FindMarkedAsync(guild, ev, ct).ConfigureAwait(false) is { } made
                && await ModifyAsync(guild, made.Id, ev, Location(community, guild, ev), ct).ConfigureAwait(false) is { } adopted)
            {
                DiscordScheduledEventsLog.Adopted(logger, adopted.Id.Value, ev.Id.Value, community.Id.Value);
                return PlatformEventResult.Done(adopted.Id.ToString());
            }

            var created = await rest.CreateScheduledEventAsync(guild, Create(ev, Location(community, guild, ev)), ct).ConfigureAwait(false);
            return PlatformEventResult.Done(created.Id.ToString());
        }
        catch (Exception e) when (OutcomeOf(e, ct) is { } outcome)
        {
            DiscordScheduledEventsLog.Refused(logger, "publish", ev.Id.Value, community.Id.Value, outcome.ToString(), DiscordFailures.Reason(e));
            return new PlatformEventResult(outcome, ev.PlatformRef);
        }
    }

    /// <summary>
    /// PATCHes the status to CANCELED; a scheduled event Discord no longer has (10070) needs nothing more. An event that
    /// refers to none may still have one an interrupted attempt made, found by its marker.
    /// </summary>
    public async Task<PlatformEventResult> CancelAsync(Community community, Event ev, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ev);
        if (!Snowflake.TryParse(community.Id.ExternalId, out var guild) || (ev.PlatformRef is not null && !Snowflake.TryParse(ev.PlatformRef, out _)))
        {
            return new PlatformEventResult(PlatformEventOutcome.Refused, ev.PlatformRef);
        }

        try
        {
            var existing = ev.PlatformRef is null ? (await FindMarkedAsync(guild, ev, ct).ConfigureAwait(false))?.Id : Snowflake.Parse(ev.PlatformRef);
            if (existing is not { } target)
            {
                return PlatformEventResult.Done(null);
            }

            await rest.ModifyScheduledEventAsync(guild, target, new DiscordScheduledEventModify(Status: CanceledStatus), ct).ConfigureAwait(false);
            return PlatformEventResult.Done(target.ToString());
        }
        catch (DiscordApiException e) when (IsGone(e.Error))
        {
            return PlatformEventResult.Done(ev.PlatformRef);
        }
        catch (Exception e) when (OutcomeOf(e, ct) is { } outcome)
        {
            DiscordScheduledEventsLog.Refused(logger, "cancel", ev.Id.Value, community.Id.Value, outcome.ToString(), DiscordFailures.Reason(e));
            return new PlatformEventResult(outcome, ev.PlatformRef);
        }
    }

    /// <summary>
    /// Where the event happens, as Discord shows it: the place, else a link to the channel the event is announced
    /// in (a link opens it; a mention would show as text), else "Discord". At most 100 characters.
    /// </summary>
    public static string Location(Community community, Snowflake guild, Event ev)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.Place?.Trim() is { Length: > 0 } place)
        {
            return Truncation.Truncate(place, MaxLocationLength);
        }

        return Snowflake.TryParse(ev.Channel ?? community.Settings.AnnouncementChannel, out var channel)
            ? $"https://discord.com/channels/{guild}/{channel}"
            : DefaultLocation;
    }

    private static DiscordScheduledEventCreate Create(Event ev, string location) =>
        new(
            Name(ev),
            ev.Start.ToUniversalTime(),
            ExternalEntityType,
            ScheduledEndTime: ev.End.ToUniversalTime(),
            Description: Description(ev),
            EntityMetadata: new DiscordEntityMetadata(location));

    /// <summary>The scheduled event as changed; null when Discord no longer has it or it is over, so a new one is needed.</summary>
    private async Task<DiscordScheduledEvent?> ModifyAsync(Snowflake guild, Snowflake existing, Event ev, string location, CancellationToken ct)
    {
        var changes = new DiscordScheduledEventModify(
            Name(ev),
            ev.Start.ToUniversalTime(),
            ev.End.ToUniversalTime(),
            Description(ev),
            ExternalEntityType,
            EntityMetadata: new DiscordEntityMetadata(location));
        try
        {
            var modified = await rest.ModifyScheduledEventAsync(guild, existing, changes, ct).ConfigureAwait(false);
            return modified.Status is CompletedStatus or CanceledStatus ? null : modified;
        }
        catch (DiscordApiException e) when (IsGone(e.Error) || e.Error.Status == System.Net.HttpStatusCode.BadRequest)
        {
            // Gone, or refused as it is (an event that is over cannot be changed): a new one is made; if the event
            // itself is what Discord refuses, creating it says so.
            return null;
        }
    }

    /// <summary>The last line of the scheduled event's description, naming the event: how a retry knows the one it made.</summary>
    public static string Marker(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return $"NetworkBot event: {ev.Id}";
    }

    /// <summary>The live (scheduled or active) scheduled event whose description ends with the event's marker; null when none.</summary>
    private async Task<DiscordScheduledEvent?> FindMarkedAsync(Snowflake guild, Event ev, CancellationToken ct)
    {
        var marker = Marker(ev);
        var events = await rest.GetScheduledEventsAsync(guild, ct).ConfigureAwait(false);
        return events.FirstOrDefault(e => e.Status is ScheduledStatus or ActiveStatus && e.Description?.EndsWith(marker, StringComparison.Ordinal) == true);
    }

    private static string Name(Event ev) => Truncation.Truncate(ev.Title.Trim(), MaxNameLength);

    /// <summary>The event's description, shortened to leave room for the <see cref="Marker"/> that ends it.</summary>
    private static string Description(Event ev)
    {
        var marker = Marker(ev);
        return ev.Description?.Trim() is { Length: > 0 } description
            ? $"{Truncation.Truncate(description, MaxDescriptionLength - marker.Length - 2)}\n\n{marker}"
            : marker;
    }

    private static bool IsGone(DiscordApiError error) =>
        error.Code == DiscordApiError.UnknownGuildScheduledEvent || error.Status == System.Net.HttpStatusCode.NotFound;

    /// <summary>The neutral outcome of an expected failure; null for a bug or a cancellation, which propagate.</summary>
    private static PlatformEventOutcome? OutcomeOf(Exception e, CancellationToken ct) => DiscordFailures.KindOf(e, ct) switch
    {
        null => null,
        DiscordFailure.MissingPermission => PlatformEventOutcome.MissingPermission,
        DiscordFailure.Unavailable => PlatformEventOutcome.Unavailable,
        _ => PlatformEventOutcome.Refused, // a vanished event is handled before this, by IsGone
    };
}
