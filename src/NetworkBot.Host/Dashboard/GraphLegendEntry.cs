namespace NetworkBot.Host.Dashboard;

/// <summary>One line of the network graph's legend: an industry (null: every other or none), its colour (an index into <see cref="DashboardFormat.Palette"/>) and how many drawn members have it.</summary>
internal sealed record GraphLegendEntry(string? Industry, int Colour, int Members);
