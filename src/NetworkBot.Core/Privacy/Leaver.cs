using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Privacy;

/// <summary>A member who left the platform at <paramref name="LeftAt"/> and whose data waits for the retention period.</summary>
public sealed record Leaver(CommunityId Community, MemberId Member, DateTimeOffset LeftAt);
