using CsvHelper;

namespace NetworkBot.Host.Dashboard.Exports;

/// <summary>
/// The one row of <c>asks.csv</c>/<c>.json</c>: introductions on request made in the range (<see cref="Until"/> excluded;
/// an open end is empty), how many a candidate accepted, how many became connections.
/// </summary>
[CsvRecord]
internal sealed partial record AskExport(
    [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset? From,
    [CsvFormat(DashboardExports.IsoDate)] DateTimeOffset? Until,
    int Asks,
    int Accepted,
    int Connected);
