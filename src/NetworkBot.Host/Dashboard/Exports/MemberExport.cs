using CsvHelper;

namespace NetworkBot.Host.Dashboard.Exports;

/// <summary>A row of <c>members.csv</c>/<c>.json</c>: the members table as it is now.</summary>
[CsvRecord]
internal sealed partial record MemberExport(
    string Id, string Name, string? Industry, [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset JoinedAt, bool OptedIn, bool Paused, [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset? LastRound, int Answers, int Connections);
