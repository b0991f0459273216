using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// What the managers' dashboard keeps besides the community's own data: one-time sign-in links, the sessions they
/// open, and the data-protection keys every instance shares. Tokens are stored only as their hashes, so a copy of the
/// database signs nobody in. Part of <see cref="Storage.IStore"/>, which a storage provider implements; none of it is
/// exported (a manager signs in again after a move).
/// </summary>
public interface IDashboardStore
{
    Task SaveSignInLinkAsync(DashboardSignInLink link, CancellationToken ct);

    /// <summary>
    /// Takes the link with <paramref name="tokenHash"/> out of the store, so it works once whatever the race, and returns
    /// it while it is still valid at <paramref name="now"/>; null when it is unknown, already used or expired.
    /// </summary>
    Task<DashboardSignInLink?> RedeemSignInLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>Stores a new session and drops the sessions and links of every community that expired before its start.</summary>
    Task SaveSessionAsync(DashboardSession session, CancellationToken ct);

    /// <summary>The session with <paramref name="tokenHash"/> while it is valid at <paramref name="now"/>; null when unknown, revoked or expired.</summary>
    Task<DashboardSession?> GetSessionAsync(string tokenHash, DateTimeOffset now, CancellationToken ct);

    /// <summary>The community's sessions still valid at <paramref name="now"/>, newest first.</summary>
    Task<IReadOnlyList<DashboardSession>> ListSessionsAsync(CommunityId community, DateTimeOffset now, CancellationToken ct);

    /// <summary>Ends the community's session named <paramref name="handle"/>; false when it has no such session.</summary>
    Task<bool> RevokeSessionAsync(CommunityId community, string handle, CancellationToken ct);

    /// <summary>Every data-protection key element, in the order they were stored.</summary>
    Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken ct);

    /// <summary>Adds a key element (its XML text) under its friendly name; a name already stored is replaced.</summary>
    Task SaveDataProtectionKeyAsync(DataProtectionKey key, CancellationToken ct);
}
