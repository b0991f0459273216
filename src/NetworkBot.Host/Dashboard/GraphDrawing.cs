using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// How the network page draws a placed graph so a manager can read it: each member coloured by industry (the most common
/// industries get <see cref="DashboardFormat.Palette"/>'s colours, the rest its last, grey), sized by connections, the
/// bridges ringed and the strongest named. Sizes are in CSS pixels converted to the drawing's units, because the SVG is
/// scaled to the page and a layout of hundreds of members would otherwise shrink names to specks.
/// </summary>
internal sealed class GraphDrawing
{
    /// <summary>How many of the strongest bridges the drawing names beside their dot.</summary>
    public const int NamedBridges = 5;

    /// <summary>The size the drawing is shown at, at most (the page's content width, the graph's max-height in CSS).</summary>
    private const double ShownWidth = 1180, ShownHeight = 640;

    private readonly Dictionary<string, int> colourOfIndustry;
    private readonly List<NetworkNode> named;
    private readonly HashSet<MemberId> bridges;

    public GraphDrawing(NetworkFigures network, PlacedGraph placed)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(placed);
        var other = DashboardFormat.Palette.Length - 1;
        var industries = network.Nodes
            .Where(n => n.Industry is not null)
            .GroupBy(n => n.Industry!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        colourOfIndustry = industries.Take(other).Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var legend = industries.Take(other).Select((g, i) => new GraphLegendEntry(g.Key, i, g.Count())).ToList();
        var rest = network.Nodes.Count(n => Colour(n) == other);
        if (rest > 0)
        {
            legend.Add(new GraphLegendEntry(null, other, rest));
        }

        Legend = legend;
        var drawn = network.Nodes.Select(n => n.Id).ToHashSet();
        var drawnBridges = network.Bridges.Where(b => drawn.Contains(b.Id)).ToList();
        bridges = [.. drawnBridges.Select(b => b.Id)];
        var strongest = drawnBridges.Take(NamedBridges).Select(b => b.Id).ToHashSet();
        named = [.. network.Nodes.Where(n => strongest.Contains(n.Id))];
        Unit = Math.Max(placed.Width / ShownWidth, placed.Height / ShownHeight);
    }

    /// <summary>The industries the colours stand for, most common first; a null industry is everyone else.</summary>
    public IReadOnlyList<GraphLegendEntry> Legend { get; }

    /// <summary>The drawing's units per CSS pixel when the drawing is shown as large as the page lets it.</summary>
    public double Unit { get; }

    /// <summary>The member's colour, an index into <see cref="DashboardFormat.Palette"/>.</summary>
    public int Colour(NetworkNode node) =>
        node.Industry is { } industry && colourOfIndustry.TryGetValue(industry, out var colour) ? colour : DashboardFormat.Palette.Length - 1;

    /// <summary>From 4 px for a member with one connection to 12 px, growing with the square root so the area follows the count.</summary>
    public double Radius(NetworkNode node) => Unit * Math.Min(12, 3 + (1.6 * Math.Sqrt(node.Connections)));

    public bool IsBridge(NetworkNode node) => bridges.Contains(node.Id);

    /// <summary>
    /// Where to write the strongest bridges' names: beside their dot, towards the middle so a name at the edge stays
    /// inside the drawing, and moved down a line while it would overlap a name already placed (bridges often sit close).
    /// </summary>
    public IEnumerable<GraphName> Names(PlacedGraph placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        double line = 18 * Unit, room = 160 * Unit;
        var taken = new List<(double X, double Y)>();
        foreach (var n in named)
        {
            var (x, y) = placed.Positions[n.Id];
            var towardsRight = x < placed.Width / 2;
            var gap = Radius(n) + (5 * Unit);
            var at = (X: x + (towardsRight ? gap : -gap - room), Y: y + (5 * Unit));
            while (taken.Any(t => Math.Abs(t.Y - at.Y) < line && Math.Abs(t.X - at.X) < room))
            {
                at.Y += line;
            }

            taken.Add(at);
            yield return new GraphName(n.Name, towardsRight ? at.X : at.X + room, at.Y, towardsRight ? "start" : "end");
        }
    }
}
