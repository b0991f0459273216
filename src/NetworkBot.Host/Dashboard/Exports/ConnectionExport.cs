using CsvHelper;

namespace NetworkBot.Host.Dashboard.Exports;

/// <summary>A row of <c>connections.csv</c>/<c>.json</c>: two members who confirmed they met, since when.</summary>
[CsvRecord]
internal sealed partial record ConnectionExport(string MemberA, string NameA, string MemberB, string NameB, [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset Since);
