using NodaTime;

namespace NetworkBot.Core.Coffee;

/// <summary>Finds hours that fall inside everyone's working hours (weekdays 09:00–18:00 local), so a group can meet without anyone up at night.</summary>
public static class MeetingTimes
{
    public const int WorkdayStartHour = 9;
    public const int WorkdayEndHour = 18;

    /// <summary>Up to <paramref name="count"/> one-hour slots between <paramref name="from"/> and <paramref name="until"/>, on different days where possible.</summary>
    public static IReadOnlyList<DateTimeOffset> Suggest(IReadOnlyList<DateTimeZone> zones, DateTimeOffset from, DateTimeOffset until, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var start = Instant.FromDateTimeOffset(from);
        var hour = Instant.FromUnixTimeSeconds((start.ToUnixTimeSeconds() + 3599) / 3600 * 3600);
        var end = Instant.FromDateTimeOffset(until);
        var fitting = new List<Instant>();
        for (; hour < end && fitting.Count < 24 * 7; hour += Duration.FromHours(1))
        {
            if (zones.All(zone => IsWorkingHour(hour.InZone(zone))))
            {
                fitting.Add(hour);
            }
        }

        // Prefer one slot per day (the middle of that day's common window), then fill up with the rest.
        var perDay = fitting.GroupBy(h => h.InUtc().Date).Select(day => day.ElementAt(day.Count() / 2)).ToList();
        return perDay.Concat(fitting.Except(perDay)).Take(count).Order().Select(i => i.ToDateTimeOffset()).ToList();
    }

    private static bool IsWorkingHour(ZonedDateTime local) =>
        local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        && local.Hour >= WorkdayStartHour && local.Hour < WorkdayEndHour;
}
