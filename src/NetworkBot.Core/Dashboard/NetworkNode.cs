using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Dashboard;

/// <summary>A member drawn in the network graph, with the cluster (connected component, numbered from 1 by size) they belong to.</summary>
public sealed record NetworkNode(MemberId Id, string Name, string? Industry, int Connections, int Cluster);
