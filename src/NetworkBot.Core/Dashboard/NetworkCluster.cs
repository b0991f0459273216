namespace NetworkBot.Core.Dashboard;

/// <summary>A connected group of members (everyone reachable through confirmed connections), with the industries most named in it.</summary>
public sealed record NetworkCluster(int Number, int Size, IReadOnlyList<string> TopIndustries);
