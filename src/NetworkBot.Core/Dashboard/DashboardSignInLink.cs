using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Dashboard;

/// <summary>A one-time link <c>/admin dashboard</c> gave a manager: the SHA-256 (hex) of its token, whom it signs in and until when.</summary>
public sealed record DashboardSignInLink(string TokenHash, CommunityId Community, MemberId Manager, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
