using CsvHelper;

namespace NetworkBot.Host.Dashboard.Exports;

/// <summary>
/// A row of <c>events.csv</c>/<c>.json</c>: one member's answer to an event's coming occurrence (<see cref="Answer"/>
/// going, maybe, notGoing, waitlisted, with when they answered) or their attendance of a past one (attended: going when
/// it closed). <see cref="Start"/> is the occurrence's start.
/// </summary>
[CsvRecord]
internal sealed partial record EventExport(
    string Event, string Title, [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset Start, bool Cancelled, string Member, string Name, string Answer, [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset? AnsweredAt);
