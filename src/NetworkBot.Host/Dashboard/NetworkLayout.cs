using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.MDS;
using Microsoft.Msagl.Miscellaneous;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// Places the network graph's members with Microsoft.Msagl (AutomaticGraphLayout): multidimensional scaling, the layout
/// it offers for undirected graphs, which puts members close when few connections separate them, and packs the
/// clusters (connected components) side by side. Overlap removal is off: it tripled the time for 300 members, and a
/// member's circle is small beside the distances MDS leaves.
/// </summary>
internal static class NetworkLayout
{
    /// <summary>The margin around the drawing and the radius the layout reserves per member, in layout units.</summary>
    public const double Margin = 20;
    public const double NodeRadius = 8;

    public static PlacedGraph Place(IReadOnlyList<NetworkNode> nodes, IReadOnlyList<Connection> edges)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        if (nodes.Count == 0)
        {
            return new PlacedGraph(0, 0, new Dictionary<MemberId, (double, double)>());
        }

        var graph = new GeometryGraph();
        var placed = new Dictionary<MemberId, Node>();
        foreach (var n in nodes)
        {
            var node = new Node(CurveFactory.CreateCircle(NodeRadius, new Point()), n.Id);
            graph.Nodes.Add(node);
            placed[n.Id] = node;
        }

        foreach (var e in edges)
        {
            graph.Edges.Add(new Edge(placed[e.A], placed[e.B]));
        }

        LayoutHelpers.CalculateLayout(graph, new MdsLayoutSettings { RemoveOverlaps = false }, null);
        var box = graph.BoundingBox;
        return new PlacedGraph(
            box.Width + 2 * Margin,
            box.Height + 2 * Margin,
            placed.ToDictionary(p => p.Key, p => (p.Value.Center.X - box.Left + Margin, p.Value.Center.Y - box.Bottom + Margin)));
    }
}
