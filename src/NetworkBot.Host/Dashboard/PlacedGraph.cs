using NetworkBot.Core.Domain;

namespace NetworkBot.Host.Dashboard;

/// <summary>Where <see cref="NetworkLayout"/> put each member, in a box from (0, 0) to (<see cref="Width"/>, <see cref="Height"/>).</summary>
internal sealed record PlacedGraph(double Width, double Height, IReadOnlyDictionary<MemberId, (double X, double Y)> Positions);
