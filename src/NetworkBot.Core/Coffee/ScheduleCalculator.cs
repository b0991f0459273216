using NetworkBot.Core.Domain;
using NodaTime;
using NodaTime.TimeZones;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// When a recurrence (a coffee schedule's rounds, a repeating event) happens, DST-correct: the wall-clock time in the schedule's zone is kept; a time
/// that does not exist on a spring-forward day moves forward by the gap, an ambiguous one takes the first.
/// </summary>
public static class ScheduleCalculator
{
    private const int SearchDays = 800;

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the recurrence's zone is unknown.</summary>
    public static DateTimeOffset? NextOccurrence(Recurrence schedule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(schedule.TimeZone);
        if (zone is null)
        {
            return null;
        }

        var afterInstant = Instant.FromDateTimeOffset(after);
        var date = LocalDate.Max(afterInstant.InZone(zone).Date.PlusDays(-1), LocalDate.FromDateOnly(schedule.StartsOn));
        for (var i = 0; i < SearchDays; i++, date = date.PlusDays(1))
        {
            if (!Matches(schedule, date))
            {
                continue;
            }

            var instant = zone.ResolveLocal(date.At(LocalTime.FromTimeOnly(schedule.Time)), Resolvers.LenientResolver).ToInstant();
            if (instant > afterInstant)
            {
                return instant.ToDateTimeOffset();
            }
        }

        return null;
    }

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> NextOccurrences(Recurrence schedule, DateTimeOffset after, int count)
    {
        var result = new List<DateTimeOffset>(count);
        while (result.Count < count && NextOccurrence(schedule, after) is { } next)
        {
            result.Add(next);
            after = next;
        }

        return result;
    }

    private static bool Matches(Recurrence schedule, LocalDate date)
    {
        if (date.DayOfWeek != ToIso(schedule.Weekday) || date < LocalDate.FromDateOnly(schedule.StartsOn))
        {
            return false;
        }

        return schedule.Cadence switch
        {
            CadenceKind.Weekly => WeeksSinceFirst(schedule, date) % Math.Max(1, schedule.IntervalWeeks) == 0,
            CadenceKind.MonthlyNthWeekday => schedule.WeekOfMonth == -1
                ? date.PlusWeeks(1).Month != date.Month
                : (date.Day - 1) / 7 + 1 == schedule.WeekOfMonth,
            _ => false,
        };
    }

    /// <summary>Whole weeks between the first matching weekday on or after StartsOn and <paramref name="date"/>.</summary>
    private static int WeeksSinceFirst(Recurrence schedule, LocalDate date)
    {
        var start = LocalDate.FromDateOnly(schedule.StartsOn);
        var first = start.DayOfWeek == ToIso(schedule.Weekday) ? start : start.Next(ToIso(schedule.Weekday));
        return Period.Between(first, date, PeriodUnits.Days).Days / 7;
    }

    public static IsoDayOfWeek ToIso(DayOfWeek day) => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)day;
}
