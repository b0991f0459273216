namespace NetworkBot.Core.Dashboard;

/// <summary>How many members were going when a past occurrence of an event closed (the store records no check-in).</summary>
public sealed record OccurrenceAttendance(DateTimeOffset Occurrence, int Attended);
