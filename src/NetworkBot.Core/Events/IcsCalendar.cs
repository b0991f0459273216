using System.Globalization;
using System.Text;
using NetworkBot.Core.Domain;
using NodaTime;

namespace NetworkBot.Core.Events;

/// <summary>
/// Writes events as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 character, TEXT values escaped (<c>\\ \; \, \n</c>). An event planned in a time zone gets
/// <c>DTSTART;TZID=…</c> with a VTIMEZONE built from the tz database (its transitions around the event, so a
/// repeating event keeps its wall-clock time across DST in every calendar app); an event in UTC is written in UTC.
/// Ical.Net 5.2.4 was tried in its place and kept out: its folding can cut an emoji's surrogate pair in two, so
/// the calendar app shows two U+FFFD instead, and it passes control characters (NUL, ESC) into TEXT values.
/// </summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const int MaxLineOctets = 75;

    private const string ProductId = "-//NetworkBot//Events//EN";
    private const string LocalFormat = "yyyyMMdd'T'HHmmss";

    /// <summary>How far ahead the VTIMEZONE of a repeating event lists the zone's transitions.</summary>
    private static readonly Duration RepeatingZoneSpan = Duration.FromDays(366 * 5);

    /// <summary>
    /// A calendar of <paramref name="events"/>. <paramref name="stamp"/> is DTSTAMP (when the file was made);
    /// <paramref name="name"/> names the calendar (X-WR-CALNAME) for feeds.
    /// </summary>
    public static string Write(IReadOnlyList<Event> events, DateTimeOffset stamp, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ProductId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH" };
        if (name is not null)
        {
            lines.Add("X-WR-CALNAME:" + EscapeText(name));
        }

        foreach (var group in events.Where(e => Zone(e) is not null).GroupBy(e => e.TimeZone, StringComparer.Ordinal))
        {
            var zone = DateTimeZoneProviders.Tzdb[group.Key];
            var from = Instant.FromDateTimeOffset(group.Min(e => e.Start)) - Duration.FromDays(1);
            var to = group.Max(e => Instant.FromDateTimeOffset(e.End) + (e.Repeat is null ? Duration.FromDays(1) : RepeatingZoneSpan));
            lines.AddRange(TimeZoneLines(zone, from, to));
        }

        foreach (var ev in events)
        {
            lines.AddRange(EventLines(ev, stamp));
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    /// <summary>The UID of an event, stable across edits and occurrences.</summary>
    public static string Uid(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return $"{ev.Id}@{ev.Community.Value.Replace(':', '.')}.networkbot";
    }

    /// <summary>A TEXT value: backslash, semicolon and comma escaped, every line break as <c>\n</c>.</summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': text.Append(@"\n"); break;
                case var c when char.IsControl(c) && c != '\t': break;
                case var c: text.Append(c); break;
            }
        }

        return text.ToString();
    }

    /// <summary>Appends one content line folded to at most 75 octets per line, never inside a UTF-8 character, CRLF-terminated.</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }

    private static DateTimeZone? Zone(Event ev) =>
        ev.TimeZone == "UTC" || ev.TimeZone == "Etc/UTC" ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(ev.TimeZone);

    private static IEnumerable<string> EventLines(Event ev, DateTimeOffset stamp)
    {
        yield return "BEGIN:VEVENT";
        yield return "UID:" + Uid(ev);
        yield return "DTSTAMP:" + Utc(stamp);
        if (Zone(ev) is { } zone)
        {
            yield return $"DTSTART;TZID={ev.TimeZone}:{Local(ev.Start, zone)}";
            yield return $"DTEND;TZID={ev.TimeZone}:{Local(ev.End, zone)}";
        }
        else
        {
            yield return "DTSTART:" + Utc(ev.Start);
            yield return "DTEND:" + Utc(ev.End);
        }

        if (RecurrenceRule(ev) is { } rule)
        {
            yield return "RRULE:" + rule;
        }

        yield return "SUMMARY:" + EscapeText(ev.Title);
        if (ev.Description is { Length: > 0 } description)
        {
            yield return "DESCRIPTION:" + EscapeText(description);
        }

        if (ev.Place is { Length: > 0 } place)
        {
            yield return "LOCATION:" + EscapeText(place);
            if (Uri.TryCreate(place, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                yield return "URL:" + url.AbsoluteUri;
            }
        }

        yield return "SEQUENCE:" + ev.Sequence.ToString(CultureInfo.InvariantCulture);
        yield return "STATUS:" + (ev.Cancelled ? "CANCELLED" : "CONFIRMED");
        yield return "END:VEVENT";
    }

    /// <summary>The RRULE of a repeating event: weekly with an interval, or monthly on the n-th (or last) weekday.</summary>
    private static string? RecurrenceRule(Event ev)
    {
        if (ev.Recurrence is not { } recurrence)
        {
            return null;
        }

        var day = recurrence.Weekday.ToString()[..2].ToUpperInvariant();
        return recurrence.Cadence == CadenceKind.Weekly
            ? $"FREQ=WEEKLY;INTERVAL={Math.Max(1, recurrence.IntervalWeeks).ToString(CultureInfo.InvariantCulture)};BYDAY={day}"
            : $"FREQ=MONTHLY;BYDAY={recurrence.WeekOfMonth.ToString(CultureInfo.InvariantCulture)}{day}";
    }

    /// <summary>
    /// A VTIMEZONE with one STANDARD or DAYLIGHT part per zone interval that overlaps the span: its onset in the
    /// local time before it (TZOFFSETFROM), the offset after it (TZOFFSETTO) and its abbreviation.
    /// </summary>
    private static IEnumerable<string> TimeZoneLines(DateTimeZone zone, Instant from, Instant to)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zone.Id;
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            var kind = interval.Savings == Offset.Zero ? "STANDARD" : "DAYLIGHT";
            var before = interval.HasStart ? zone.GetZoneInterval(interval.Start - Duration.Epsilon).WallOffset : interval.WallOffset;
            var onset = interval.HasStart ? interval.Start.WithOffset(before).LocalDateTime : new LocalDateTime(1970, 1, 1, 0, 0);
            yield return "BEGIN:" + kind;
            yield return "DTSTART:" + onset.ToString(LocalFormat, CultureInfo.InvariantCulture);
            yield return "TZOFFSETFROM:" + OffsetText(before);
            yield return "TZOFFSETTO:" + OffsetText(interval.WallOffset);
            yield return "TZNAME:" + EscapeText(interval.Name);
            yield return "END:" + kind;
        }

        yield return "END:VTIMEZONE";
    }

    private static string OffsetText(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        var size = TimeSpan.FromSeconds(Math.Abs(seconds));
        var text = sign + size.Hours.ToString("00", CultureInfo.InvariantCulture) + size.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return size.Seconds == 0 ? text : text + size.Seconds.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Local(DateTimeOffset at, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(at).InZone(zone).LocalDateTime.ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString(LocalFormat + "'Z'", CultureInfo.InvariantCulture);
}
