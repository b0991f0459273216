namespace NetworkBot.Host.Dashboard.Components.Charts;

/// <summary>One series of a <see cref="DashboardChart"/>: <see cref="Key"/> names it for machines (<c>data-series</c>), <see cref="Name"/> for people.</summary>
public sealed record ChartSeriesData(string Key, string Name, IReadOnlyList<double> Values);
