namespace NetworkBot.Core.Domain;

/// <summary>
/// A repeating wall-clock time: every <see cref="IntervalWeeks"/> weeks on <see cref="Weekday"/>, or the n-th
/// (<see cref="WeekOfMonth"/>, -1 for the last) weekday of each month, at <see cref="Time"/> in the IANA zone
/// <see cref="TimeZone"/>, from <see cref="StartsOn"/>. Coffee schedules and repeating events share it, so both
/// follow the same DST rules (<see cref="Coffee.ScheduleCalculator"/>).
/// </summary>
public sealed record Recurrence(
    CadenceKind Cadence,
    int IntervalWeeks,
    int WeekOfMonth,
    DayOfWeek Weekday,
    TimeOnly Time,
    string TimeZone,
    DateOnly StartsOn);
