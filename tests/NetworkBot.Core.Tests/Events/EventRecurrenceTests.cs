using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Core.Tests.Events;

/// <summary>A repeating event's occurrences come from the coffee schedule's calculator, anchored at its start.</summary>
public sealed class EventRecurrenceTests
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static Event At(DateTimeOffset start, string zone, EventRepeat? repeat) =>
        new(new CommunityId("shell:t"), new EventId("e1"), "Pitch", null, start, TimeSpan.FromHours(1), zone, null, null, Cancelled: false) { Repeat = repeat };

    [Fact]
    public void A_monthly_first_thursday_in_new_york_keeps_18_00_local_across_both_dst_changes()
    {
        // 18:00 EST on Thursday 5 February 2026 = 23:00 UTC; DST from 8 March to 1 November.
        var ev = At(Utc(2026, 2, 5, 23), "America/New_York", new EventRepeat(CadenceKind.MonthlyNthWeekday, 0, 1));

        var next = ScheduleCalculator.NextOccurrences(ev.Recurrence!, ev.Start, 10);

        Assert.Equal(Utc(2026, 3, 5, 23), next[0]);
        Assert.Equal(Utc(2026, 4, 2, 22), next[1]);
        Assert.Equal(Utc(2026, 10, 1, 22), next[7]);
        Assert.Equal(Utc(2026, 11, 5, 23), next[8]);
    }

    [Fact]
    public void Every_two_weeks_in_tokyo_never_moves_and_a_one_off_has_no_recurrence()
    {
        var ev = At(Utc(2026, 3, 23, 1), "Asia/Tokyo", new EventRepeat(CadenceKind.Weekly, 2, 0));

        Assert.Equal([Utc(2026, 4, 6, 1), Utc(2026, 4, 20, 1)], ScheduleCalculator.NextOccurrences(ev.Recurrence!, ev.Start, 2));
        Assert.Null(At(Utc(2026, 3, 23, 1), "Asia/Tokyo", null).Recurrence);
        Assert.Null(At(Utc(2026, 3, 23, 1), "Mars/Base", new EventRepeat(CadenceKind.Weekly, 1, 0)).Recurrence);
    }

    [Fact]
    public void The_last_weekday_of_the_month_follows_month_lengths()
    {
        // Friday 30 January 2026, 12:00 London (UTC in winter, BST from 29 March).
        var ev = At(Utc(2026, 1, 30, 12), "Europe/London", new EventRepeat(CadenceKind.MonthlyNthWeekday, 0, -1));

        Assert.Equal([Utc(2026, 2, 27, 12), Utc(2026, 3, 27, 12), Utc(2026, 4, 24, 11)], ScheduleCalculator.NextOccurrences(ev.Recurrence!, ev.Start, 3));
    }
}
