namespace NetworkBot.Core.Domain;

/// <summary>A Discord guild, a Slack workspace or a local shell community.</summary>
public sealed record Community(CommunityId Id, string Name, CommunitySettings Settings, DateTimeOffset CreatedAt);
