namespace NetworkBot.Core.Domain;

/// <summary>
/// When a community's coffee rounds happen and how they group people. Times are local to
/// <see cref="TimeZone"/> (IANA), so "Mondays 10:00 Asia/Tokyo" stays 10:00 across DST changes elsewhere.
/// <see cref="NoticeSentFor"/> and <see cref="LastRoundFor"/> record which occurrence was already handled,
/// so a restarted scheduler never notifies or matches twice.
/// </summary>
public sealed record CoffeeSchedule(
    CommunityId Community,
    CadenceKind Cadence,
    int IntervalWeeks,
    int WeekOfMonth,
    DayOfWeek Weekday,
    TimeOnly Time,
    string TimeZone,
    DateOnly StartsOn,
    int GroupSize,
    PairingMode Mode,
    int CooldownRounds,
    string? Channel,
    bool Active)
{
    public DateTimeOffset? NoticeSentFor { get; init; }

    public DateTimeOffset? LastRoundFor { get; init; }

    /// <summary>When the rounds happen, for <see cref="Coffee.ScheduleCalculator"/>.</summary>
    public Recurrence Recurrence => new(Cadence, IntervalWeeks, WeekOfMonth, Weekday, Time, TimeZone, StartsOn);
}
