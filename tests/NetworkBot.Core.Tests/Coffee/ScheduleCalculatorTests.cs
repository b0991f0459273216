using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Tests.Coffee;

public sealed class ScheduleCalculatorTests
{
    private static Recurrence Schedule(string zone, DayOfWeek day, string time, CadenceKind cadence = CadenceKind.Weekly, int interval = 1, int weekOfMonth = 0, DateOnly? startsOn = null) =>
        new(cadence, interval, weekOfMonth, day, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone, startsOn ?? new DateOnly(2026, 1, 1));

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void Weekly_rounds_keep_the_local_time_across_a_dst_change()
    {
        // London moves to BST on 29 March 2026: 10:00 local is 10:00 UTC before, 09:00 UTC after.
        var schedule = Schedule("Europe/London", DayOfWeek.Monday, "10:00");

        var next = ScheduleCalculator.NextOccurrences(schedule, Utc(2026, 3, 20, 0), 3);

        Assert.Equal([Utc(2026, 3, 23, 10), Utc(2026, 3, 30, 9), Utc(2026, 4, 6, 9)], next);
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_moves_forward_by_the_gap()
    {
        // New York skips 02:00–03:00 on Sunday 8 March 2026; 02:30 becomes 03:30 EDT = 07:30 UTC.
        var schedule = Schedule("America/New_York", DayOfWeek.Sunday, "02:30");

        Assert.Equal(Utc(2026, 3, 8, 7, 30), ScheduleCalculator.NextOccurrence(schedule, Utc(2026, 3, 7, 0)));
    }

    [Fact]
    public void An_ambiguous_time_at_fall_back_takes_the_first_one()
    {
        // New York repeats 01:00–02:00 on Sunday 1 November 2026; the first 01:30 is EDT = 05:30 UTC.
        var schedule = Schedule("America/New_York", DayOfWeek.Sunday, "01:30");

        Assert.Equal(Utc(2026, 11, 1, 5, 30), ScheduleCalculator.NextOccurrence(schedule, Utc(2026, 10, 31, 0)));
    }

    [Fact]
    public void Every_other_week_counts_from_the_first_round_after_the_start_date()
    {
        var schedule = Schedule("Asia/Tokyo", DayOfWeek.Monday, "10:00", interval: 2, startsOn: new DateOnly(2026, 11, 20));

        var next = ScheduleCalculator.NextOccurrences(schedule, Utc(2026, 11, 20, 0), 3);

        Assert.Equal([Utc(2026, 11, 23, 1), Utc(2026, 12, 7, 1), Utc(2026, 12, 21, 1)], next);
    }

    [Theory]
    [InlineData(1, 2026, 12, 4)]
    [InlineData(3, 2026, 12, 18)]
    [InlineData(-1, 2026, 12, 25)]
    public void Monthly_rounds_fall_on_the_nth_or_last_weekday(int week, int year, int month, int day)
    {
        var schedule = Schedule("UTC", DayOfWeek.Friday, "12:00", CadenceKind.MonthlyNthWeekday, weekOfMonth: week);

        Assert.Equal(Utc(year, month, day, 12), ScheduleCalculator.NextOccurrence(schedule, Utc(2026, 11, 30, 0)));
    }

    [Fact]
    public void The_last_weekday_of_a_month_with_five_of_them_is_the_fifth()
    {
        // January 2027 has five Fridays: 1, 8, 15, 22, 29.
        var schedule = Schedule("UTC", DayOfWeek.Friday, "12:00", CadenceKind.MonthlyNthWeekday, weekOfMonth: -1);

        Assert.Equal(Utc(2027, 1, 29, 12), ScheduleCalculator.NextOccurrence(schedule, Utc(2027, 1, 1, 0)));
    }

    [Fact]
    public void An_unknown_zone_has_no_occurrence() =>
        Assert.Null(ScheduleCalculator.NextOccurrence(Schedule("Mars/Base", DayOfWeek.Monday, "10:00"), Utc(2026, 1, 1, 0)));

    [Fact]
    public void Occurrences_are_strictly_after_the_given_time()
    {
        var schedule = Schedule("UTC", DayOfWeek.Monday, "10:00");

        Assert.Equal(Utc(2026, 11, 30, 10), ScheduleCalculator.NextOccurrence(schedule, Utc(2026, 11, 23, 10)));
    }
}
