using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// A manager signed in to one community's dashboard: the SHA-256 (hex) of the cookie's token, a short
/// <see cref="Handle"/> that names it in the session list (and to revoke it) without revealing the token, and its lifetime.
/// </summary>
public sealed record DashboardSession(
    string TokenHash, string Handle, CommunityId Community, MemberId Manager, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
