using NetworkBot.Core.Connections;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Host.Dashboard;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>The network page's layout by Microsoft.Msagl: every member placed inside the drawing, the bounded graph's loose ends too.</summary>
public sealed class NetworkLayoutTests
{
    private static readonly CommunityId Community = CommunityId.For("shell", "layout");

    [Fact]
    public void Every_member_lands_inside_the_box_members_left_without_drawn_connections_too()
    {
        // Two triangles joined by one connection, and two members whose connections lead outside the drawn set.
        var nodes = Enumerable.Range(0, 8).Select(i => new NetworkNode(new MemberId($"m{i}"), $"M{i}", null, 1, 1)).ToList();
        var edges = new[] { (0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3) }
            .Select(e => Connection.Between(Community, nodes[e.Item1].Id, nodes[e.Item2].Id, DateTimeOffset.UnixEpoch))
            .ToList();

        var placed = NetworkLayout.Place(nodes, edges);

        Assert.Equal(nodes.Select(n => n.Id).ToHashSet(), placed.Positions.Keys.ToHashSet());
        Assert.All(placed.Positions.Values, p =>
        {
            Assert.InRange(p.X, NetworkLayout.Margin - 0.001, placed.Width - NetworkLayout.Margin + 0.001);
            Assert.InRange(p.Y, NetworkLayout.Margin - 0.001, placed.Height - NetworkLayout.Margin + 0.001);
        });
        Assert.Equal(nodes.Count, placed.Positions.Values.Distinct().Count());
    }

    [Fact]
    public void Members_one_connection_apart_sit_closer_than_members_three_apart()
    {
        var nodes = Enumerable.Range(0, 6).Select(i => new NetworkNode(new MemberId($"p{i}"), $"P{i}", null, 2, 1)).ToList();
        var edges = Enumerable.Range(0, 5).Select(i => Connection.Between(Community, nodes[i].Id, nodes[i + 1].Id, DateTimeOffset.UnixEpoch)).ToList();

        var placed = NetworkLayout.Place(nodes, edges);

        double Distance(int a, int b)
        {
            var (p, q) = (placed.Positions[nodes[a].Id], placed.Positions[nodes[b].Id]);
            return Math.Sqrt(((p.X - q.X) * (p.X - q.X)) + ((p.Y - q.Y) * (p.Y - q.Y)));
        }

        Assert.True(Distance(0, 1) < Distance(0, 3), $"{Distance(0, 1)} vs {Distance(0, 3)}");
    }

    [Fact]
    public void No_member_is_no_drawing()
    {
        var placed = NetworkLayout.Place([], []);

        Assert.Equal((0.0, 0.0), (placed.Width, placed.Height));
        Assert.Empty(placed.Positions);
    }
}
