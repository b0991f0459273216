namespace NetworkBot.Core.Domain;

/// <summary>How often coffee rounds come.</summary>
public enum CadenceKind
{
    /// <summary>Every <see cref="Recurrence.IntervalWeeks"/> weeks on the weekday (1 = weekly).</summary>
    Weekly,

    /// <summary>Once a month on the n-th weekday (<see cref="Recurrence.WeekOfMonth"/>: 1–4, or -1 for the last).</summary>
    MonthlyNthWeekday,
}
