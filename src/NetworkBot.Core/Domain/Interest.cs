namespace NetworkBot.Core.Domain;

/// <summary>An interest group; on Discord bound to a role and channel, on Slack to a channel.</summary>
public sealed record Interest(
    CommunityId Community,
    InterestId Id,
    string Name,
    string? Description,
    bool Archived,
    string? RoleRef,
    string? ChannelRef,
    DateTimeOffset CreatedAt);
