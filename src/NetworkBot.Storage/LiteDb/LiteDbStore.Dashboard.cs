using LiteDB;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// The dashboard's links and sessions are documents keyed by their token's hash (the SQL primary key, the one thing a
/// request brings), carrying their community, which the dashboard scopes every page to; a session's <c>handle_id</c>
/// (community and handle) is unique, as the SQL (community_id, handle). Each write is one transaction on the writer
/// thread, so a link is redeemed once however many redeems race. Data-protection keys are bot-wide, as the platform
/// state is, each with the <c>position</c> it was first stored at.
/// </remarks>
public sealed partial class LiteDbStore
{
    public Task SaveSignInLinkAsync(DashboardSignInLink link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        return WriteAsync(
            db => Collection(db, LiteDbCollections.DashboardSignInLinks).Insert(new BsonDocument
            {
                ["_id"] = LiteDbKey.Of(link.TokenHash),
                ["token_hash"] = LiteDbValues.Text(link.TokenHash),
                ["community_id"] = LiteDbValues.Text(link.Community.Value),
                ["manager_id"] = LiteDbValues.Text(link.Manager.Value),
                ["created_at"] = LiteDbValues.Instant(link.CreatedAt),
                ["expires_at"] = LiteDbValues.Instant(link.ExpiresAt),
            }),
            ct);
    }

    /// <summary>Found and deleted in one write: the redeems take turns on the writer thread, and only the first finds the link.</summary>
    public Task<DashboardSignInLink?> RedeemSignInLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var links = Collection(db, LiteDbCollections.DashboardSignInLinks);
                var key = LiteDbKey.Of(tokenHash);
                if (links.FindById(key) is not { } stored)
                {
                    return null;
                }

                links.Delete(key);
                var link = new DashboardSignInLink(
                    stored.GetRequiredText("token_hash"),
                    new CommunityId(stored.GetRequiredText("community_id")),
                    new MemberId(stored.GetRequiredText("manager_id")),
                    stored.GetInstant("created_at"),
                    stored.GetInstant("expires_at"));
                return now < link.ExpiresAt ? link : null;
            },
            ct);

    public Task SaveSessionAsync(DashboardSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return WriteAsync(
            db =>
            {
                var start = LiteDbValues.Instant(session.CreatedAt);
                var sessions = Collection(db, LiteDbCollections.DashboardSessions);
                sessions.DeleteMany(LiteDbQuery.AtMost("expires_at", start));
                Collection(db, LiteDbCollections.DashboardSignInLinks).DeleteMany(LiteDbQuery.AtMost("expires_at", start));
                sessions.Insert(new BsonDocument
                {
                    ["_id"] = LiteDbKey.Of(session.TokenHash),
                    ["token_hash"] = LiteDbValues.Text(session.TokenHash),
                    ["handle"] = LiteDbValues.Text(session.Handle),
                    ["handle_id"] = HandleId(session.Community, session.Handle),
                    ["community_id"] = LiteDbValues.Text(session.Community.Value),
                    ["manager_id"] = LiteDbValues.Text(session.Manager.Value),
                    ["created_at"] = start,
                    ["expires_at"] = LiteDbValues.Instant(session.ExpiresAt),
                });
            },
            ct);
    }

    public Task<DashboardSession?> GetSessionAsync(string tokenHash, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(
            db => Collection(db, LiteDbCollections.DashboardSessions).FindById(LiteDbKey.Of(tokenHash)) is { } d
                && ReadSession(d) is { } session && now < session.ExpiresAt
                    ? session
                    : null,
            ct);

    /// <summary>Sessions begun at the same instant come by handle, so the order is stable.</summary>
    public Task<IReadOnlyList<DashboardSession>> ListSessionsAsync(CommunityId community, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<DashboardSession>>(
            db => [.. InCommunity(db, LiteDbCollections.DashboardSessions, community)
                .Select(ReadSession)
                .Where(s => now < s.ExpiresAt)
                .OrderByDescending(s => s.CreatedAt)
                .ThenBy(s => s.Handle, StringComparer.Ordinal)],
            ct);

    public Task<bool> RevokeSessionAsync(CommunityId community, string handle, CancellationToken ct) =>
        WriteAsync(
            db => Collection(db, LiteDbCollections.DashboardSessions).DeleteMany(LiteDbQuery.Equal("handle_id", HandleId(community, handle))) == 1,
            ct);

    public Task<IReadOnlyList<DataProtectionKey>> ListDataProtectionKeysAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<DataProtectionKey>>(
            db => [.. Collection(db, LiteDbCollections.DataProtectionKeys).Query()
                .OrderBy("position")
                .ToEnumerable()
                .Select(d => new DataProtectionKey(d.GetRequiredText("friendly_name"), d.GetRequiredText("xml")))],
            ct);

    /// <summary>A new key goes one past the last position; a replaced one keeps its own.</summary>
    public Task SaveDataProtectionKeyAsync(DataProtectionKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync(
            db =>
            {
                var keys = Collection(db, LiteDbCollections.DataProtectionKeys);
                var id = LiteDbKey.Of(key.FriendlyName);
                var position = keys.FindById(id)?["position"].AsInt64
                    ?? (keys.Query().OrderByDescending("position").Limit(1).FirstOrDefault()?["position"].AsInt64 ?? 0) + 1;
                keys.Upsert(new BsonDocument
                {
                    ["_id"] = id,
                    ["friendly_name"] = LiteDbValues.Text(key.FriendlyName),
                    ["xml"] = LiteDbValues.Text(key.Xml),
                    ["position"] = position,
                });
            },
            ct);
    }

    /// <summary>The session's community and handle: unique, as the SQL providers' (community_id, handle).</summary>
    private static string HandleId(CommunityId community, string handle) => LiteDbKey.Of(community.Value, handle);

    private static DashboardSession ReadSession(BsonDocument d) => new(
        d.GetRequiredText("token_hash"),
        d.GetRequiredText("handle"),
        new CommunityId(d.GetRequiredText("community_id")),
        new MemberId(d.GetRequiredText("manager_id")),
        d.GetInstant("created_at"),
        d.GetInstant("expires_at"));
}
