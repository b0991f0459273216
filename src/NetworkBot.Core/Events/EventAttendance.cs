using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Events;

/// <summary>
/// That <see cref="Member"/> attended the occurrence of <see cref="Event"/> that started at <see cref="Occurrence"/>: one
/// row of what closing an occurrence records, so attendance and no-shows can be counted per occurrence of a repeating event.
/// </summary>
public sealed record EventAttendance(EventId Event, DateTimeOffset Occurrence, MemberId Member);
