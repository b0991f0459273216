using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Dashboard;

/// <summary>A member whose connections reach across the community: how many industries and interest groups the people they met span.</summary>
public sealed record BridgeMember(MemberId Id, string Name, int Industries, int InterestGroups, int Connections);
