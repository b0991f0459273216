using System.Security.Cryptography;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;
using NetworkBot.Core.Web;
using NodaTime;

namespace NetworkBot.Core.Events;

/// <summary>
/// <c>/admin events create | edit | cancel | list | feed</c>: managers plan events; the announcement, the notices
/// of a change and the cancellation go through the outbox in the same transaction as the change itself, and so does
/// the intent that mirrors the change to the platform's own event list where it has one (<see cref="PlatformEventSync"/>);
/// a refusal there keeps the event as saved and reaches the managers from the outbox.
/// </summary>
public sealed class EventAdminCommands(IMemberStore memberStore, IEventStore eventStore, IEnumerable<IPlatformEvents> platformEvents, WebLinks links) : ICommandModule
{
    public const int MaxReminders = 5;
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(1);
    private static readonly TimeSpan LongestReminder = TimeSpan.FromDays(30);

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["admin events create"] = CreateAsync,
        ["admin events edit"] = EditAsync,
        ["admin events cancel"] = CancelAsync,
        ["admin events list"] = ListAsync,
        ["admin events feed"] = FeedAsync,
    };

    /// <summary>The calendar feed's path for a community (the host serves it; the link is this path on the bot's web address, <see cref="WebLinks"/>).</summary>
    public static string FeedPath(CommunityId community, string token) =>
        $"/calendar/{Uri.EscapeDataString(community.Value)}.ics?token={token}";

    private async Task<Reply> CreateAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Options.Count == 0)
        {
            return Form(context);
        }

        if (context.Options.Get(EventOptions.Title) is not { } title || context.Options.Get(EventOptions.Date) is null || context.Options.Get(EventOptions.Time) is null)
        {
            return Reply.Error(context.Text(EventTexts.EventCreateNeeds));
        }

        var id = EventId.New();
        while (await eventStore.GetEventAsync(context.Community.Id, id, ct).ConfigureAwait(false) is not null)
        {
            id = EventId.New();
        }

        var draft = new Event(context.Community.Id, id, title, null, context.Now, DefaultDuration, context.Community.Settings.TimeZone, null, null, Cancelled: false)
        {
            CreatedBy = context.Caller.Id,
            CreatedAt = context.Now,
        };
        var (ev, refusal) = Apply(draft, context);
        if (ev is null)
        {
            return refusal!;
        }

        var announcement = EventNotices.Announcement(ev, context.Community, context.Now);
        var platform = PlatformEventSync.Intents(platformEvents, context.Community, ev, context.Now);
        await eventStore.SaveEventAsync(ev, announcement is null ? platform : [announcement, .. platform], _ => [], ct).ConfigureAwait(false);
        var text = announcement is null
            ? context.Text(EventTexts.EventCreatedUnannounced, ev.Title, ev.Id)
            : context.Text(EventTexts.EventCreated, ev.Title, ev.Id, announcement.Target.Channel);
        return EventCard.Render(ev, [], context.Language) with { Text = text, Visibility = Visibility.Private };
    }

    private async Task<Reply> EditAsync(CommandContext context, CancellationToken ct)
    {
        var (current, refusal) = await OpenEventAsync(context, ct).ConfigureAwait(false);
        if (current is null)
        {
            return refusal!;
        }

        if (context.Options.Count == 1)
        {
            return Reply.Error(context.Text(EventTexts.EventNoChanges));
        }

        var (edited, invalid) = Apply(current, context);
        if (edited is null)
        {
            return invalid!;
        }

        var ev = edited with { Sequence = current.Sequence + 1 };
        var rsvps = await eventStore.ListRsvpsAsync(context.Community.Id, ev.Id, ct).ConfigureAwait(false);
        var members = await EventNotices.MembersAsync(memberStore, context.Community.Id, ct).ConfigureAwait(false);
        var when = ev.Place is { } place ? $"{TimeToken.Full(ev.Start)} · {place}" : TimeToken.Full(ev.Start);
        var notices = EventNotices.ToMembers(context.Community, members, rsvps.Select(r => r.Member), $"event:{ev.Id}:s{ev.Sequence}:changed",
            language => EventCard.Render(ev, rsvps, language) with { Text = EventTexts.EventChangedNotice.Format(language, ev.Title, when), Visibility = Visibility.Private },
            context.Now);
        await eventStore.SaveEventAsync(
            ev, [.. notices, .. PlatformEventSync.Intents(platformEvents, context.Community, ev, context.Now)],
            promoted => EventCommands.Promotions(context.Community, members, ev, promoted, context.Now), ct).ConfigureAwait(false);
        var text = context.Text(EventTexts.EventEdited, ev.Title, notices.Count);
        return EventCard.Render(ev, rsvps, context.Language) with { Text = text, Visibility = Visibility.Private };
    }

    private async Task<Reply> CancelAsync(CommandContext context, CancellationToken ct)
    {
        var (current, refusal) = await OpenEventAsync(context, ct).ConfigureAwait(false);
        if (current is null)
        {
            return refusal!;
        }

        var ev = current with { Cancelled = true, Sequence = current.Sequence + 1 };
        var rsvps = await eventStore.ListRsvpsAsync(context.Community.Id, ev.Id, ct).ConfigureAwait(false);
        var members = await EventNotices.MembersAsync(memberStore, context.Community.Id, ct).ConfigureAwait(false);
        var notices = EventNotices.ToMembers(context.Community, members, rsvps.Select(r => r.Member), $"event:{ev.Id}:cancelled",
            language => new Reply(EventTexts.EventCancelledNotice.Format(language, ev.Title, TimeToken.Full(ev.Start))), context.Now).ToList();
        if (EventNotices.Announcement(ev, context.Community, context.Now) is { } card)
        {
            notices.Add(card with { Key = $"event:{ev.Id}:cancelled", Reply = card.Reply with { MentionRole = null } });
        }

        notices.AddRange(PlatformEventSync.Intents(platformEvents, context.Community, ev, context.Now));
        await eventStore.SaveEventAsync(ev, notices, _ => [], ct).ConfigureAwait(false);
        return new Reply(context.Text(EventTexts.EventCancelled, ev.Title, rsvps.Count));
    }

    private Task<Reply> ListAsync(CommandContext context, CancellationToken ct) =>
        EventListing.ReplyAsync(
            eventStore,
            context,
            includeCancelled: true,
            context.Text(EventTexts.EventsAdminTitle),
            (ev, rsvps) =>
            {
                int Count(RsvpStatus status) => rsvps.Count(r => r.Status == status);
                return new(
                    ev.Cancelled ? context.Text(EventTexts.EventCancelledTitle, ev.Title) : ev.Title,
                    context.Text(EventTexts.EventsAdminLine, ev.Id, EventCard.When(ev), Count(RsvpStatus.Going), Count(RsvpStatus.Maybe), Count(RsvpStatus.Waitlisted)));
            },
            ct);

    /// <summary>Shows the feed link (making one the first time), replaces it with a new one, or turns the feed off.</summary>
    private async Task<Reply> FeedAsync(CommandContext context, CancellationToken ct)
    {
        var community = context.Community.Id;
        switch (context.Options.Get(EventOptions.FeedAction) ?? "show")
        {
            case "off":
                await eventStore.SetCalendarTokenAsync(community, null, ct).ConfigureAwait(false);
                return new Reply(context.Text(EventTexts.EventFeedOff));
            case "rotate":
                var rotated = NewToken();
                await eventStore.SetCalendarTokenAsync(community, rotated, ct).ConfigureAwait(false);
                return new Reply(context.Text(EventTexts.EventFeedRotated, links.To(FeedPath(community, rotated))));
            default:
                var token = await eventStore.GetCalendarTokenAsync(community, ct).ConfigureAwait(false);
                if (token is null)
                {
                    token = NewToken();
                    await eventStore.SetCalendarTokenAsync(community, token, ct).ConfigureAwait(false);
                }

                return new Reply(context.Text(EventTexts.EventFeedShown, links.To(FeedPath(community, token))));
        }
    }

    /// <summary>The event to change: found, and neither cancelled nor over.</summary>
    private async Task<(Event? Event, Reply? Refusal)> OpenEventAsync(CommandContext context, CancellationToken ct)
    {
        var (ev, refusal) = await EventReference.FindAsync(eventStore, context, ct).ConfigureAwait(false);
        if (ev is null)
        {
            return (null, refusal);
        }

        if (ev.Cancelled)
        {
            return (null, Reply.Error(context.Text(EventTexts.EventAlreadyCancelled, ev.Title)));
        }

        return ev.Finished ? (null, Reply.Error(context.Text(EventTexts.EventClosed, ev.Title))) : (ev, null);
    }

    /// <summary>
    /// <paramref name="current"/> with the options given applied. Date and time are wall-clock in the (new or kept)
    /// zone; a start that moves must stay in the future. Reminders already past at the new start are not sent.
    /// </summary>
    private static (Event? Event, Reply? Refusal) Apply(Event current, CommandContext context)
    {
        var options = context.Options;
        var zoneId = options.Get(EventOptions.TimeZone) ?? current.TimeZone;
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var local = Instant.FromDateTimeOffset(current.Start).InZone(DateTimeZoneProviders.Tzdb[current.TimeZone]).LocalDateTime;
        var date = options.Get(EventOptions.Date) is { } day ? LocalDate.FromDateOnly(day) : local.Date;
        var time = options.Get(EventOptions.Time) is { } clock ? LocalTime.FromTimeOnly(clock) : local.TimeOfDay;
        var start = zone.ResolveLocal(date.At(time), NodaTime.TimeZones.Resolvers.LenientResolver).ToDateTimeOffset();
        var moved = start != current.Start;
        if (moved && start <= context.Now)
        {
            return (null, Reply.Error(context.Text(EventTexts.EventInPast, TimeToken.Full(start))));
        }

        var reminders = current.Reminders;
        if (options.Has(EventOptions.Reminders))
        {
            if (ParseReminders(options.Get(EventOptions.Reminders)) is not { } parsed)
            {
                return (null, Reply.Error(context.Text(EventTexts.EventBadReminders)));
            }

            reminders = parsed;
        }

        var repeat = options.Has(EventOptions.Repeat) ? Repeat(options.Get(EventOptions.Repeat), date)
            : current.Repeat is { Cadence: CadenceKind.MonthlyNthWeekday } monthly ? monthly with { WeekOfMonth = WeekOfMonth(date) }
            : current.Repeat;
        var ev = current with
        {
            Title = options.Get(EventOptions.Title) ?? current.Title,
            Description = options.Has(EventOptions.Description) ? options.Get(EventOptions.Description) : current.Description,
            Start = start,
            TimeZone = zoneId,
            Duration = options.Get(EventOptions.Duration) ?? current.Duration,
            Place = options.Has(EventOptions.Place) ? options.Get(EventOptions.Place) : current.Place,
            Capacity = options.Has(EventOptions.Capacity) ? (int?)options.Get(EventOptions.Capacity) : current.Capacity,
            Repeat = repeat,
            Reminders = reminders,
            RemindMaybe = options.Get(EventOptions.RemindMaybe) is { } maybe ? maybe == "yes" : current.RemindMaybe,
            Icebreaker = options.Get(EventOptions.Icebreaker) is { } icebreaker ? icebreaker == "yes" : current.Icebreaker,
            Channel = options.Has(EventOptions.Channel) ? options.Get(EventOptions.Channel) : current.Channel,
            MentionRole = options.Has(EventOptions.Mention) ? options.Get(EventOptions.Mention) : current.MentionRole,
        };
        return (moved || options.Has(EventOptions.Reminders) ? ev with { RemindedFor = ev.LastReminderDueBy(context.Now) } : ev, null);
    }

    /// <summary><c>24h,1h</c>, <c>30m</c>, <c>2d</c>, <c>1時間</c>: longest first; null when any item is not such a duration or there are too many.</summary>
    private static IReadOnlyList<TimeSpan>? ParseReminders(IReadOnlyList<string>? items)
    {
        if (items is null)
        {
            return Event.DefaultReminders;
        }

        var result = new List<TimeSpan>();
        foreach (var item in items)
        {
            if (!DurationText.TryParse(item, out var span) || span <= TimeSpan.Zero || span > LongestReminder)
            {
                return null;
            }

            result.Add(span);
        }

        return result.Count is 0 or > MaxReminders ? null : result.Distinct().OrderDescending().ToList();
    }

    private static EventRepeat? Repeat(string? name, LocalDate date) => name switch
    {
        "weekly" => new(CadenceKind.Weekly, 1, 0),
        "every-2-weeks" => new(CadenceKind.Weekly, 2, 0),
        "every-3-weeks" => new(CadenceKind.Weekly, 3, 0),
        "every-4-weeks" => new(CadenceKind.Weekly, 4, 0),
        "monthly" => new(CadenceKind.MonthlyNthWeekday, 0, WeekOfMonth(date)),
        _ => null,
    };

    /// <summary>Which weekday of its month <paramref name="date"/> is: 1–4, or -1 (the last) for the 29th to 31st, which not every month has.</summary>
    private static int WeekOfMonth(LocalDate date) => date.Day > 28 ? -1 : (date.Day - 1) / 7 + 1;

    /// <summary>
    /// The create form. Discord shows at most five inputs, so it holds what an event cannot do without plus its length,
    /// which every calendar entry and the platform's own event carry; the description is added with <c>/admin events edit</c>.
    /// The length is prefilled in the form it is typed in, so the field shows how to write another one.
    /// </summary>
    private static Reply Form(CommandContext context)
    {
        FormField Field(OptionSpec option, LocalizedText label, bool required, string? value = null) =>
            new(option.Name, context.Text(label), Multiline: false, required, option.MaxLength, value);
        return new Reply(string.Empty)
        {
            Form = new ReplyForm(
                context.Text(EventTexts.EventFormTitle),
                "admin events create",
                [
                    Field(EventOptions.Title, EventTexts.EventFormName, required: true),
                    Field(EventOptions.Date, EventTexts.EventFormDate, required: true),
                    Field(EventOptions.Time, EventTexts.EventFormTime, required: true),
                    Field(EventOptions.Duration, EventTexts.EventFormDuration, required: false, DurationText.Format(DefaultDuration)),
                    Field(EventOptions.Place, EventTexts.EventFormPlace, required: false),
                ]),
        };
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
