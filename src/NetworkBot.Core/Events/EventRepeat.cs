using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Events;

/// <summary>
/// How an event repeats; the weekday, time of day and zone are those of its start. <see cref="WeekOfMonth"/> is 1–4,
/// or -1 for the last, when <see cref="Cadence"/> is monthly.
/// </summary>
public sealed record EventRepeat(CadenceKind Cadence, int IntervalWeeks, int WeekOfMonth);
