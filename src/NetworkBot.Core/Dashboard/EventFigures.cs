using NetworkBot.Core.Events;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// One event: the answers to its current occurrence, attendance of its past occurrences and the connections made at it
/// (both members pressed "connect"). No-shows cannot be counted: the store records who was going when an occurrence
/// closed, not who came.
/// </summary>
public sealed record EventFigures(
    EventId Id,
    string Title,
    DateTimeOffset Start,
    int? Capacity,
    bool Cancelled,
    bool Finished,
    int Going,
    int Maybe,
    int NotGoing,
    int Waitlisted,
    IReadOnlyList<OccurrenceAttendance> Attendance,
    int Connections);
