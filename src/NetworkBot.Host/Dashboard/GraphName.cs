namespace NetworkBot.Host.Dashboard;

/// <summary>A member's name written in the network graph, at (<see cref="X"/>, <see cref="Y"/>) with SVG's text-anchor <see cref="Anchor"/>.</summary>
internal sealed record GraphName(string Name, double X, double Y, string Anchor);
