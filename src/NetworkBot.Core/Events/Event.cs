using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NodaTime;

namespace NetworkBot.Core.Events;

/// <summary>
/// A meetup, seminar, morning pitch or lunch session. <see cref="TimeZone"/> is the IANA zone it was planned in.
/// A repeating event is one record whose <see cref="Start"/> is its current occurrence: when an occurrence is
/// over, the scheduler moves it to the next one (and the answers start afresh), so everything keyed by
/// <c>(event, start)</c> happens once per occurrence.
/// </summary>
public sealed record Event(
    CommunityId Community,
    EventId Id,
    string Title,
    string? Description,
    DateTimeOffset Start,
    TimeSpan Duration,
    string TimeZone,
    string? Place,
    int? Capacity,
    bool Cancelled)
{
    public static readonly IReadOnlyList<TimeSpan> DefaultReminders = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>As the organiser wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string Title { get; init => field = UserText.Literal(value); } = UserText.Literal(Title);

    /// <summary>As the organiser wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string? Description { get; init => field = UserText.Literal(value); } = UserText.Literal(Description);

    /// <summary>As the organiser wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string? Place { get; init => field = UserText.Literal(value); } = UserText.Literal(Place);

    /// <summary>How the event repeats; null for a one-off.</summary>
    public EventRepeat? Repeat { get; init; }

    /// <summary>How long before the start the answerers are reminded, longest first.</summary>
    public IReadOnlyList<TimeSpan> Reminders { get; init; } = DefaultReminders;

    /// <summary>Whether members who answered "maybe" are reminded too.</summary>
    public bool RemindMaybe { get; init; }

    /// <summary>Where it is announced; the community's announcement channel when null.</summary>
    public string? Channel { get; init; }

    /// <summary>The one role the announcement may mention, chosen by the manager; none when null.</summary>
    public string? MentionRole { get; init; }

    public MemberId? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Raised by every edit: the calendar's SEQUENCE, and part of the key of the change notices.</summary>
    public int Sequence { get; init; }

    /// <summary>
    /// The stored row's version as read (0 for an event never stored): raised by every write, edits and the scheduler's
    /// steps alike, and a write succeeds only while it is current (<see cref="IEventStore.SaveEventAsync"/>).
    /// </summary>
    public int Version { get; init; }

    /// <summary>When the latest reminder of the current occurrence was due; reminders due up to it were sent.</summary>
    public DateTimeOffset? RemindedFor { get; init; }

    /// <summary>Whether the "going" members are put in small icebreaker groups a day before each occurrence.</summary>
    public bool Icebreaker { get; init; }

    /// <summary>The occurrence (its start) whose icebreaker groups were made.</summary>
    public DateTimeOffset? IcebreakerFor { get; init; }

    /// <summary>A one-off event that is over and whose follow-up was sent.</summary>
    public bool Finished { get; init; }

    /// <summary>
    /// The event's counterpart on its platform (a Discord scheduled event id); null where the platform has none or
    /// it was not made. Stored apart from the rest (<see cref="IEventStore.SetEventPlatformRefAsync"/>).
    /// </summary>
    public string? PlatformRef { get; init; }

    public DateTimeOffset End => Start + Duration;

    /// <summary>When the latest reminder already due at <paramref name="now"/> was due; those are skipped, not sent late.</summary>
    public DateTimeOffset? LastReminderDueBy(DateTimeOffset now) =>
        Reminders.Select(r => Start - r).Where(due => due <= now).Select(due => (DateTimeOffset?)due).Max();

    /// <summary>The repeat rule as a <see cref="Domain.Recurrence"/> anchored at the current occurrence; null for a one-off.</summary>
    public Recurrence? Recurrence
    {
        get
        {
            if (Repeat is not { } repeat || DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is not { } zone)
            {
                return null;
            }

            var local = Instant.FromDateTimeOffset(Start).InZone(zone).LocalDateTime;
            var weekday = local.DayOfWeek == IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)local.DayOfWeek;
            return new(repeat.Cadence, repeat.IntervalWeeks, repeat.WeekOfMonth, weekday, local.TimeOfDay.ToTimeOnly(), TimeZone, local.Date.ToDateOnly());
        }
    }
}
