using NetworkBot.Core.Connections;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// The community's confirmed connections as a graph. A large network is drawn as its <see cref="Nodes"/> only: the
/// members with the most connections, up to <see cref="DashboardFigures.GraphLimit"/>, and the connections among them;
/// the counts, clusters, bridges and the list of members who met nobody cover everyone.
/// </summary>
/// <param name="ConnectedMembers">Members with at least one connection (the graph's full size).</param>
/// <param name="TotalConnections">Every confirmed connection of the community.</param>
/// <param name="NotMet">Members with no connection yet, longest-waiting first: the list a manager acts on.</param>
public sealed record NetworkFigures(
    int ConnectedMembers,
    int TotalConnections,
    IReadOnlyList<NetworkNode> Nodes,
    IReadOnlyList<Connection> Edges,
    IReadOnlyList<BridgeMember> Bridges,
    IReadOnlyList<NetworkCluster> Clusters,
    IReadOnlyList<MemberFigures> NotMet);
