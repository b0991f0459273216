using NetworkBot.Core.Coffee;
using NodaTime;

namespace NetworkBot.Core.Tests.Coffee;

public sealed class MeetingTimesTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Slots_fall_in_everyones_working_hours_on_weekdays()
    {
        DateTimeZone[] zones = [Zone("Asia/Tokyo"), Zone("Asia/Singapore")];

        var slots = MeetingTimes.Suggest(zones, Monday, Monday.AddDays(7));

        Assert.Equal(3, slots.Count);
        Assert.Equal(3, slots.Select(s => s.UtcDateTime.Date).Distinct().Count());
        Assert.All(slots, slot => Assert.All(zones, zone =>
        {
            var local = Instant.FromDateTimeOffset(slot).InZone(zone);
            Assert.InRange(local.Hour, 9, 17);
            Assert.DoesNotContain(local.DayOfWeek, new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday });
        }));
    }

    [Fact]
    public void Tokyo_and_london_have_no_common_working_hour() =>
        Assert.Empty(MeetingTimes.Suggest([Zone("Asia/Tokyo"), Zone("Europe/London")], Monday, Monday.AddDays(7)));

    [Fact]
    public void A_weekend_has_no_slots() =>
        Assert.Empty(MeetingTimes.Suggest([Zone("UTC")], new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
}
