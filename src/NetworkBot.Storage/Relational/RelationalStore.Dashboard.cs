using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// The dashboard's sign-in links and sessions are keyed by their token's hash, the one thing a request brings, and carry
/// their community, which the dashboard then scopes every page to. Expired rows are dropped when a session is saved
/// (a sign-in), so neither table grows with time. Data-protection keys are bot-wide, as the platform state is; their
/// <c>position</c> is numbered by the database on insert and kept when a key is replaced, which keeps them in the order
/// they were first stored.
/// </remarks>
public abstract partial class RelationalStore
{
    private const string SessionColumns = "token_hash, handle, community_id, manager_id, created_at, expires_at";

    public Task SaveSignInLinkAsync(DashboardSignInLink link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        return ExecuteAsync(
            """
            INSERT INTO dashboard_sign_in_links (token_hash, community_id, manager_id, created_at, expires_at)
            VALUES (@token_hash, @community, @manager, @created_at, @expires_at)
            """,
            [
                ("token_hash", link.TokenHash),
                ("community", link.Community.Value),
                ("manager", link.Manager.Value),
                ("created_at", link.CreatedAt),
                ("expires_at", link.ExpiresAt),
            ],
            ct);
    }

    /// <summary>
    /// One <c>DELETE … RETURNING</c>: of two redeems at once, the database lets one delete the row and the other finds it
    /// gone (on PostgreSQL the second waits for the first's row lock, then sees no row), so only one ever gets the link.
    /// An expired link is deleted all the same, and refused.
    /// </summary>
    public async Task<DashboardSignInLink?> RedeemSignInLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        var taken = await QueryFirstAsync(
            """
            DELETE FROM dashboard_sign_in_links WHERE token_hash = @token_hash
            RETURNING token_hash, community_id, manager_id, created_at, expires_at
            """,
            [("token_hash", tokenHash)],
            r => new DashboardSignInLink(r.GetString(0), new CommunityId(r.GetString(1)), new MemberId(r.GetString(2)), r.GetInstant(3), r.GetInstant(4)),
            ct).ConfigureAwait(false);
        return taken is not null && now < taken.ExpiresAt ? taken : null;
    }

    public Task SaveSessionAsync(DashboardSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return InTransactionAsync(
            async transaction =>
            {
                (string, object?)[] start = [("start", session.CreatedAt)];
                await transaction.ExecuteAsync("DELETE FROM dashboard_sessions WHERE expires_at <= @start", start, ct).ConfigureAwait(false);
                await transaction.ExecuteAsync("DELETE FROM dashboard_sign_in_links WHERE expires_at <= @start", start, ct).ConfigureAwait(false);
                await transaction.ExecuteAsync(
                    $"""
                    INSERT INTO dashboard_sessions ({SessionColumns})
                    VALUES (@token_hash, @handle, @community, @manager, @created_at, @expires_at)
                    """,
                    [
                        ("token_hash", session.TokenHash),
                        ("handle", session.Handle),
                        ("community", session.Community.Value),
                        ("manager", session.Manager.Value),
                        ("created_at", session.CreatedAt),
                        ("expires_at", session.ExpiresAt),
                    ],
                    ct).ConfigureAwait(false);
            },
            ct);
    }

    public Task<DashboardSession?> GetSessionAsync(string tokenHash, DateTimeOffset now, CancellationToken ct) =>
        QueryFirstAsync(
            $"SELECT {SessionColumns} FROM dashboard_sessions WHERE token_hash = @token_hash AND expires_at > @now",
            [("token_hash", tokenHash), ("now", now)],
            ReadSession,
            ct);

    /// <summary>Sessions begun at the same instant come by handle, so the order is stable.</summary>
    public Task<IReadOnlyList<DashboardSession>> ListSessionsAsync(CommunityId community, DateTimeOffset now, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT {SessionColumns} FROM dashboard_sessions WHERE community_id = @community AND expires_at > @now
            ORDER BY created_at DESC, handle
            """,
            [("community", community.Value), ("now", now)],
            ReadSession,
            ct);

    public Task<bool> RevokeSessionAsync(CommunityId community, string handle, CancellationToken ct) =>
        ChangesOneRowAsync(
            "DELETE FROM dashboard_sessions WHERE community_id = @community AND handle = @handle",
            [("community", community.Value), ("handle", handle)],
            ct);

    public Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken ct) =>
        QueryAsync(
            "SELECT friendly_name, xml FROM data_protection_keys ORDER BY position",
            [],
            r => new DataProtectionKey(r.GetString(0), r.GetString(1)),
            ct);

    public Task SaveDataProtectionKeyAsync(DataProtectionKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ExecuteAsync(
            """
            INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)
            ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
            """,
            [("name", key.FriendlyName), ("xml", key.Xml)],
            ct);
    }

    private static DashboardSession ReadSession(StoredRow r) =>
        new(r.GetString(0), r.GetString(1), new CommunityId(r.GetString(2)), new MemberId(r.GetString(3)), r.GetInstant(4), r.GetInstant(5));
}
