using CsvHelper;

namespace NetworkBot.Host.Dashboard.Exports;

/// <summary>A row of <c>rounds.csv</c>/<c>.json</c>: one group of one round, its members (ids and names, "; "-separated) and outcome.</summary>
[CsvRecord]
internal sealed partial record RoundExport(
    string Round, [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset StartedAt, int GroupSize, string Mode, string Group, string MemberIds, string Members, string Outcome, int Answers);
