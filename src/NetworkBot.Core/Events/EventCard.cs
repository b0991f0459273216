using System.Globalization;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Events;

/// <summary>
/// An event as members see it: when (in each viewer's own zone, through <see cref="TimeToken"/>s), where, how many
/// are going, and the RSVP and calendar buttons. The announcement is this card, and pressing an RSVP button
/// redraws it with the new counts.
/// </summary>
public static class EventCard
{
    public const string RsvpPath = "events rsvp";
    public const string IcsPath = "events ics";

    public static Reply Render(Event ev, IReadOnlyList<Rsvp> rsvps, Language language)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(rsvps);
        int Count(RsvpStatus status) => rsvps.Count(r => r.Status == status);
        var going = Count(RsvpStatus.Going).ToString(CultureInfo.InvariantCulture);
        var fields = new List<ReplyField>
        {
            new(EventTexts.EventWhen.Get(language), When(ev)),
            new(EventTexts.EventLength.Get(language), EventTexts.EventLengthValue.Format(language, (int)ev.Duration.TotalMinutes), Inline: true),
        };
        if (ev.Place is { } place)
        {
            fields.Add(new(EventTexts.EventWhere.Get(language), place, Inline: true));
        }

        if (ev.Repeat is { } repeat)
        {
            fields.Add(new(EventTexts.EventRepeats.Get(language), Repeats(repeat, language)));
        }

        fields.Add(new(EventTexts.EventGoing.Get(language), ev.Capacity is { } capacity ? $"{going}/{capacity.ToString(CultureInfo.InvariantCulture)}" : going, Inline: true));
        fields.Add(new(EventTexts.EventMaybe.Get(language), Count(RsvpStatus.Maybe).ToString(CultureInfo.InvariantCulture), Inline: true));
        if (Count(RsvpStatus.Waitlisted) is > 0 and var waiting)
        {
            fields.Add(new(EventTexts.EventWaitlist.Get(language), waiting.ToString(CultureInfo.InvariantCulture), Inline: true));
        }

        ReplyButton Answer(LocalizedText label, string status, ButtonStyle style) =>
            new(label.Get(language), CommandInvocation.Of(RsvpPath, (EventOptions.Event.Name, ev.Id.Value), (EventOptions.Status.Name, status)), style);
        var calendar = new ReplyButton(EventTexts.ButtonAddToCalendar.Get(language), CommandInvocation.Of(IcsPath, (EventOptions.Event.Name, ev.Id.Value)));
        return new Reply(ev.Description ?? string.Empty)
        {
            Title = ev.Cancelled ? EventTexts.EventCancelledTitle.Format(language, ev.Title) : ev.Title,
            Visibility = Visibility.Public,
            Fields = fields,
            Buttons = ev.Cancelled
                ? []
                :
                [
                    Answer(EventTexts.ButtonGoing, "going", ButtonStyle.Success),
                    Answer(EventTexts.ButtonMaybe, "maybe", ButtonStyle.Secondary),
                    Answer(EventTexts.ButtonNotGoing, "not-going", ButtonStyle.Danger),
                    calendar,
                ],
        };
    }

    /// <summary>The start as a date and time and as "in 3 days", each shown in the viewer's zone.</summary>
    public static string When(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return $"{TimeToken.Full(ev.Start)} ({TimeToken.Relative(ev.Start)})";
    }

    public static string Status(RsvpStatus status, Language language) => status switch
    {
        RsvpStatus.Going => EventTexts.StatusGoing.Get(language),
        RsvpStatus.Maybe => EventTexts.StatusMaybe.Get(language),
        RsvpStatus.Waitlisted => EventTexts.StatusWaitlisted.Get(language),
        _ => EventTexts.StatusNotGoing.Get(language),
    };

    private static string Repeats(EventRepeat repeat, Language language) => repeat switch
    {
        { Cadence: CadenceKind.Weekly } => EventTexts.RepeatWeekly.Format(language, repeat.IntervalWeeks),
        { WeekOfMonth: -1 } => EventTexts.RepeatMonthlyLast.Get(language),
        _ => EventTexts.RepeatMonthly.Format(language, repeat.WeekOfMonth),
    };
}
