using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Core.Tests.Events;

/// <summary>The <c>.ics</c> writer read back by a strict parser and by an independent line reader.</summary>
public sealed class IcsCalendarTests
{
    private static readonly CommunityId Community = new("discord:81384788765712384");
    private static readonly DateTimeOffset Stamp = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static Event Meetup(string zone = "Asia/Tokyo", DateTimeOffset? start = null, EventRepeat? repeat = null) =>
        new(Community, new EventId("k3v9q2xa"),
            "Rust, Go; and C\\C++ — 勉強会 🦀",
            "一行目: 参加費は無料です。\r\nLine two, with; all \\ the specials\nand a very long third line that certainly needs folding because it is long, 日本語も混ぜて折り返します。",
            start ?? new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(90), zone, "https://example.com/meet?id=1", 30, Cancelled: false)
        {
            Repeat = repeat,
            Sequence = 2,
        };

    private static (IcsParser.Component Calendar, IReadOnlyList<string> Lines) Read(string ics) =>
        (IcsParser.Parse(ics), IcsLineReader.LogicalLines(Encoding.UTF8.GetBytes(ics)));

    [Fact]
    public void Every_field_round_trips_through_the_strict_parser()
    {
        var ev = Meetup(repeat: new EventRepeat(CadenceKind.MonthlyNthWeekday, 0, 1));

        var (calendar, _) = Read(IcsCalendar.Write([ev], Stamp, "東京, ネットワーキング"));

        Assert.Equal("2.0", calendar.One("VERSION").RawValue);
        Assert.Equal("東京, ネットワーキング", calendar.One("X-WR-CALNAME").Text);
        var vevent = Assert.Single(calendar.All("VEVENT"));
        Assert.Equal("k3v9q2xa@discord.81384788765712384.networkbot", vevent.One("UID").RawValue);
        Assert.Equal("20261120T090000Z", vevent.One("DTSTAMP").RawValue);
        Assert.Equal("Asia/Tokyo", vevent.One("DTSTART").Parameters["TZID"]);
        Assert.Equal("20261203T190000", vevent.One("DTSTART").RawValue);
        Assert.Equal("20261203T203000", vevent.One("DTEND").RawValue);
        Assert.Equal("FREQ=MONTHLY;BYDAY=1TH", vevent.One("RRULE").RawValue);
        Assert.Equal(ev.Title, vevent.One("SUMMARY").Text);
        Assert.Equal(ev.Description!.Replace("\r\n", "\n", StringComparison.Ordinal), vevent.One("DESCRIPTION").Text);
        Assert.Equal(ev.Place, vevent.One("LOCATION").Text);
        Assert.Equal(ev.Place, vevent.One("URL").RawValue);
        Assert.Equal("2", vevent.One("SEQUENCE").RawValue);
        Assert.Equal("CONFIRMED", vevent.One("STATUS").RawValue);
        Assert.Equal("Asia/Tokyo", Assert.Single(calendar.All("VTIMEZONE")).One("TZID").RawValue);
    }

    [Fact]
    public void Lines_are_crlf_folded_at_75_octets_without_splitting_a_character_and_unfold_to_the_parsed_text()
    {
        var ics = IcsCalendar.Write([Meetup()], Stamp);
        var bytes = Encoding.UTF8.GetBytes(ics);

        var lines = IcsLineReader.LogicalLines(bytes);

        Assert.Contains(ics.Split("\r\n"), l => l.StartsWith(' '));
        Assert.Contains(ics.Split("\r\n"), l => Encoding.UTF8.GetByteCount(l) == 75);
        var summary = IcsLineReader.Find(lines, "SUMMARY").Value;
        Assert.Equal(@"Rust\, Go\; and C\\C++ — 勉強会 🦀", summary);
        Assert.Equal(IcsParser.Parse(ics).All("VEVENT").Single().One("DESCRIPTION").RawValue, IcsLineReader.Find(lines, "DESCRIPTION").Value);
    }

    [Property]
    public Property Any_title_survives_escaping_and_folding() =>
        Prop.ForAll(
            Gen.Elements("a", "é", "日本", "🦀", ",", ";", "\\", "\n", "\r\n", " ", "\t", "x\u0001", "漢字かな", "\"q\"", ":").ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary(),
            title =>
            {
                var ics = IcsCalendar.Write([Meetup() with { Title = title }], Stamp);
                var lines = IcsLineReader.LogicalLines(Encoding.UTF8.GetBytes(ics));
                var parsed = IcsParser.Parse(ics).All("VEVENT").Single().One("SUMMARY").Text;
                var expected = new string(title.Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());
                Assert.Equal(expected, parsed);
                Assert.Equal(IcsCalendar.EscapeText(title), IcsLineReader.Find(lines, "SUMMARY").Value);
            });

    [Fact]
    public void An_emoji_where_a_line_folds_stays_whole()
    {
        for (var length = 60; length < 75; length++)
        {
            var title = new string('a', length) + "🦀🦀";

            var ics = IcsCalendar.Write([Meetup() with { Title = title }], Stamp);

            Assert.Equal(title, IcsParser.Parse(ics).All("VEVENT").Single().One("SUMMARY").Text);
            Assert.Equal(title, IcsLineReader.Find(IcsLineReader.LogicalLines(Encoding.UTF8.GetBytes(ics)), "SUMMARY").Value);
        }
    }

    [Fact]
    public void An_event_in_utc_is_written_in_utc_without_a_time_zone()
    {
        var (calendar, lines) = Read(IcsCalendar.Write([Meetup("UTC")], Stamp));

        Assert.Empty(calendar.All("VTIMEZONE"));
        Assert.Equal("20261203T100000Z", IcsLineReader.Find(lines, "DTSTART").Value);
        Assert.Equal("20261203T113000Z", IcsLineReader.Find(lines, "DTEND").Value);
        Assert.Null(calendar.All("VEVENT").Single().Maybe("RRULE"));
    }

    [Fact]
    public void A_weekly_london_event_keeps_its_wall_clock_time_across_the_spring_change_by_its_own_vtimezone()
    {
        // Mondays 10:00 London from 23 March 2026; BST starts on 29 March (01:00 UTC).
        var ev = Meetup("Europe/London", new DateTimeOffset(2026, 3, 23, 10, 0, 0, TimeSpan.Zero), new EventRepeat(CadenceKind.Weekly, 2, 0));

        var (calendar, lines) = Read(IcsCalendar.Write([ev], Stamp));

        var start = IcsLineReader.Find(lines, "DTSTART", lines.ToList().IndexOf("BEGIN:VEVENT"));
        Assert.Equal(";TZID=Europe/London", start.Parameters);
        Assert.Equal(new DateTime(2026, 3, 23, 10, 0, 0), IcsLineReader.ToUtc(lines, "Europe/London", IcsLineReader.Local(start.Value)));
        Assert.Equal(new DateTime(2026, 4, 6, 9, 0, 0), IcsLineReader.ToUtc(lines, "Europe/London", new DateTime(2026, 4, 6, 10, 0, 0)));
        Assert.Equal(new DateTime(2026, 11, 2, 10, 0, 0), IcsLineReader.ToUtc(lines, "Europe/London", new DateTime(2026, 11, 2, 10, 0, 0)));
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", calendar.All("VEVENT").Single().One("RRULE").RawValue);
        var daylight = Assert.Single(calendar.All("VTIMEZONE").Single().All("DAYLIGHT"), d => d.One("DTSTART").RawValue == "20260329T010000");
        Assert.Equal(("+0000", "+0100", "BST"), (daylight.One("TZOFFSETFROM").RawValue, daylight.One("TZOFFSETTO").RawValue, daylight.One("TZNAME").Text));
    }

    [Fact]
    public void A_cancelled_event_says_so_and_several_events_share_one_vtimezone_per_zone()
    {
        var cancelled = Meetup() with { Id = new EventId("second"), Cancelled = true };

        var (calendar, _) = Read(IcsCalendar.Write([Meetup(), cancelled, Meetup("America/New_York") with { Id = new EventId("third") }], Stamp));

        Assert.Equal(["Asia/Tokyo", "America/New_York"], calendar.All("VTIMEZONE").Select(z => z.One("TZID").RawValue));
        Assert.Equal(["CONFIRMED", "CANCELLED", "CONFIRMED"], calendar.All("VEVENT").Select(e => e.One("STATUS").RawValue));
        Assert.Equal(3, calendar.All("VEVENT").Select(e => e.One("UID").RawValue).Distinct().Count());
    }
}
