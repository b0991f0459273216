using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Host.Dashboard;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>How the network page colours, sizes and names members: the legend a manager reads has to match the dots.</summary>
public sealed class GraphDrawingTests
{
    private static readonly string Grey = DashboardFormat.Palette[^1];

    [Fact]
    public void The_most_common_industries_get_the_first_colours_and_the_rest_share_grey_with_members_without_one()
    {
        // Eight industries of falling size, then a member with none: the eighth and the unnamed share the last colour.
        var nodes = Enumerable.Range(0, 8)
            .SelectMany(i => Enumerable.Range(0, 9 - i).Select(j => Node($"i{i}m{j}", $"industry{i}", 1)))
            .Append(Node("none", null, 1))
            .ToList();
        var drawing = new GraphDrawing(Network(nodes), Placed(nodes, (_, i) => (i * 10, 0)));

        Assert.Equal(DashboardFormat.Palette[0], DashboardFormat.Palette[drawing.Colour(nodes[0])]);
        Assert.Equal(Grey, DashboardFormat.Palette[drawing.Colour(nodes.Single(n => n.Industry == "industry7" && n.Id.Value.EndsWith("m0", StringComparison.Ordinal)))]);
        Assert.Equal(Grey, DashboardFormat.Palette[drawing.Colour(nodes[^1])]);
        Assert.Equal(["industry0", "industry1", "industry2", "industry3", "industry4", "industry5", "industry6", null], drawing.Legend.Select(e => e.Industry));
        Assert.Equal(2 + 1, drawing.Legend[^1].Members); // industry7's two members and the one without an industry
    }

    [Fact]
    public void More_connections_draw_a_larger_dot_up_to_a_cap()
    {
        var nodes = new[] { Node("a", "x", 1), Node("b", "x", 9), Node("c", "x", 400) };
        var drawing = new GraphDrawing(Network(nodes), Placed(nodes, (_, i) => (i * 10, 0)));

        Assert.True(drawing.Radius(nodes[0]) < drawing.Radius(nodes[1]));
        Assert.Equal(12 * drawing.Unit, drawing.Radius(nodes[2]), 6);
    }

    [Fact]
    public void Only_the_strongest_bridges_are_named_and_names_of_bridges_side_by_side_do_not_overlap()
    {
        // Seven bridges at the same spot: five are named, each on a line of its own.
        var nodes = Enumerable.Range(0, 7).Select(i => Node($"b{i}", "x", 3)).ToList();
        var bridges = nodes.Select(n => new BridgeMember(n.Id, n.Name, 3, 1, 3)).ToList();
        var placed = Placed(nodes, (_, _) => (100, 100));
        var drawing = new GraphDrawing(Network(nodes) with { Bridges = bridges }, placed);

        var names = drawing.Names(placed).ToList();

        Assert.Equal(nodes.Take(GraphDrawing.NamedBridges).Select(n => n.Name), names.Select(n => n.Name));
        Assert.True(nodes.All(drawing.IsBridge));
        Assert.Equal(GraphDrawing.NamedBridges, names.Select(n => n.Y).Distinct().Count());
    }

    private static NetworkNode Node(string id, string? industry, int connections) => new(new MemberId(id), id.ToUpperInvariant(), industry, connections, 1);

    private static NetworkFigures Network(IReadOnlyList<NetworkNode> nodes) => new(nodes.Count, 0, nodes, [], [], [], []);

    private static PlacedGraph Placed(IReadOnlyList<NetworkNode> nodes, Func<NetworkNode, int, (double X, double Y)> at) =>
        new(400, 300, nodes.Select((n, i) => (n.Id, at(n, i))).ToDictionary(p => p.Id, p => p.Item2));
}
