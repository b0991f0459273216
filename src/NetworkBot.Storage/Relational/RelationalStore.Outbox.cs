using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// A message is due while <c>delivered_at</c> is null and <c>due_at</c> is set and not in the future;
/// enqueueing sets <c>due_at</c> to <see cref="OutboxMessage.DueAt"/> or else the creation time, a retry
/// moves it, a permanent failure clears it. A listed message carries <c>due_at</c> as its
/// <see cref="OutboxMessage.DueAt"/> only when it differs from the creation time, so a message reads back
/// as it was enqueued until a retry moves it.
/// Outbox ids are unique across communities, so the dispatcher's calls by id need no community. A key is enqueued
/// once per community (<c>ON CONFLICT DO NOTHING</c>), also when two writers enqueue it at once.
/// </remarks>
public abstract partial class RelationalStore
{
    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return InTransactionAsync(transaction => InsertOutboxAsync(transaction, messages, ct), ct);
    }

    /// <summary>
    /// Communities take turns: each one's oldest (by creation time, then id) first, then each one's second, and so on.
    /// A row this build cannot read is set aside as a permanent failure (its reason names the exception), so it neither
    /// fails the batch nor comes back.
    /// </summary>
    public Task<IReadOnlyList<OutboxMessage>> ListDueOutboxAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        max <= 0
            ? Task.FromResult<IReadOnlyList<OutboxMessage>>([])
            : QueryReadableAsync(
                """
                SELECT id, community_id, key, target, reply, created_at, NULLIF(due_at, created_at), progress FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY community_id ORDER BY created_at, id) AS turn FROM outbox
                    WHERE delivered_at IS NULL AND due_at IS NOT NULL AND due_at <= @now) AS due
                ORDER BY turn, created_at, id
                LIMIT @max
                """,
                [("now", now), ("max", max)],
                ReadMessage,
                (id, error) => MarkAttemptFailedAsync(id, $"unreadable: {error}", null, ct),
                ct);

    /// <summary>
    /// The provider marks the due rows claimed (<see cref="ClaimAsync"/>); the claimed rows are then read back by their
    /// owner and lease, communities taking turns as in <see cref="ListDueOutboxAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(
        DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        if (max <= 0)
        {
            return [];
        }

        await ClaimAsync(now, max, owner, leaseUntil, ct).ConfigureAwait(false);
        return await QueryReadableAsync(
            """
            SELECT id, community_id, key, target, reply, created_at, NULLIF(due_at, created_at), progress FROM (
                SELECT *, ROW_NUMBER() OVER (PARTITION BY community_id ORDER BY created_at, id) AS turn FROM outbox
                WHERE delivered_at IS NULL AND claimed_by = @owner AND claimed_until = @lease) AS claimed
            ORDER BY turn, created_at, id
            """,
            [("owner", owner), ("lease", leaseUntil)],
            ReadMessage,
            (id, error) => MarkAttemptFailedAsync(id, $"unreadable: {error}", null, ct),
            ct).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> LatestCreatedAtAsync(CommunityId community, string keyPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var latest = await QueryAsync(
            $"SELECT MAX(created_at) FROM outbox WHERE community_id = @community AND {Dialect.KeyStartsWith}",
            [("community", community.Value), .. Dialect.KeyPrefixParameters(keyPrefix)],
            r => r.GetNullableInstant(0),
            ct).ConfigureAwait(false);
        return latest[0];
    }

    public async Task<OutboxMessage?> GetOutboxAsync(CommunityId community, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = await QueryAsync(
            "SELECT id, community_id, key, target, reply, created_at, NULLIF(due_at, created_at), progress FROM outbox WHERE community_id = @community AND key = @key",
            [("community", community.Value), ("key", key)],
            ReadMessage,
            ct).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<int> PruneDeliveredAsync(CommunityId community, DateTimeOffset deliveredBefore, int max, CancellationToken ct) =>
        max <= 0
            ? Task.FromResult(0)
            : ExecuteAsync(
                """
                DELETE FROM outbox WHERE id IN (
                    SELECT id FROM outbox WHERE community_id = @community AND delivered_at < @before ORDER BY delivered_at, id LIMIT @max)
                """,
                [("community", community.Value), ("before", deliveredBefore), ("max", max)],
                ct);

    public Task ReleaseOutboxClaimsAsync(string owner, CancellationToken ct) =>
        ExecuteAsync("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @owner", [("owner", owner)], ct);

    public Task MarkDeliveredAsync(long outboxId, string? messageRef, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync(
            "UPDATE outbox SET delivered_at = @at, message_ref = @message_ref, claimed_by = NULL, claimed_until = NULL WHERE id = @id",
            [("id", outboxId), ("message_ref", messageRef), ("at", at)],
            ct);

    public Task SaveOutboxProgressAsync(long outboxId, string progress, CancellationToken ct) =>
        ExecuteAsync(
            "UPDATE outbox SET progress = @progress WHERE id = @id AND delivered_at IS NULL",
            [("id", outboxId), ("progress", progress)],
            ct);

    public Task MarkAttemptFailedAsync(long outboxId, string reason, DateTimeOffset? retryAt, CancellationToken ct) =>
        ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, last_error = @reason, due_at = @due_at, claimed_by = NULL, claimed_until = NULL WHERE id = @id AND delivered_at IS NULL",
            [("id", outboxId), ("reason", reason), ("due_at", retryAt)],
            ct);

    /// <summary>
    /// The ids a claim takes (<see cref="ClaimAsync"/>): at most <c>@max</c> due messages, communities taking turns, none
    /// of a community in which another owner than <c>@owner</c> holds a claim live at <c>@now</c>.
    /// </summary>
    /// <remarks>
    /// Only a community's first <c>@max</c> due messages can be among the first <c>@max</c> taken by turn, so each
    /// community's are read by the <c>outbox_turns</c> index and stop there: the communities with undelivered messages
    /// are found one index probe each (<c>pending</c>), and a claim reads communities × <c>@max</c> rows however long the
    /// backlog is. Numbering every due message instead took 15 ms per claim behind a round of 1,000 groups and grew with
    /// it, and a claim is a write, which on SQLite keeps every other writer, members' commands included, waiting.
    /// </remarks>
    private protected const string ClaimableIds = """
        WITH RECURSIVE pending(community_id) AS (
            SELECT MIN(community_id) FROM outbox WHERE delivered_at IS NULL AND due_at IS NOT NULL
            UNION ALL
            SELECT (SELECT MIN(o.community_id) FROM outbox AS o
                    WHERE o.delivered_at IS NULL AND o.due_at IS NOT NULL AND o.community_id > pending.community_id)
            FROM pending WHERE pending.community_id IS NOT NULL)
        SELECT id FROM (
            SELECT d.id, d.created_at, ROW_NUMBER() OVER (PARTITION BY d.community_id ORDER BY d.created_at, d.id) AS turn
            FROM pending JOIN outbox AS d ON d.id IN (
                SELECT f.id FROM outbox AS f
                WHERE f.community_id = pending.community_id AND f.delivered_at IS NULL AND f.due_at IS NOT NULL AND f.due_at <= @now
                ORDER BY f.created_at, f.id
                LIMIT @max)
            WHERE NOT EXISTS (
                SELECT 1 FROM outbox AS c
                WHERE c.community_id = d.community_id AND c.claimed_until > @now AND c.claimed_by <> @owner)) AS due
        ORDER BY turn, created_at, id
        LIMIT @max
        """;

    /// <summary>
    /// Marks the <see cref="ClaimableIds"/> claimed by <paramref name="owner"/> until <paramref name="leaseUntil"/>: how
    /// the claims of concurrent owners are kept apart is the provider's.
    /// </summary>
    private protected abstract Task ClaimAsync(DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>The outbox's columns as <see cref="OutboxRows"/> gives them.</summary>
    private static readonly string[] OutboxColumns = ["community_id", "key", "target", "reply", "created_at", "due_at"];

    /// <summary>A key already enqueued in its community stays as it is.</summary>
    private const string OutboxKeyTaken = "ON CONFLICT (community_id, key) DO NOTHING";

    private static Task InsertOutboxAsync(StoreSession transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken ct) =>
        InsertRowsAsync(transaction, "outbox", OutboxColumns, OutboxRows(messages), OutboxKeyTaken, ct);

    /// <summary>The messages as outbox rows, their target and reply written as JSON: work a large batch does before its transaction.</summary>
    private static object?[][] OutboxRows(IReadOnlyList<OutboxMessage> messages) =>
    [
        .. messages.Select(message => new object?[]
        {
            message.Community.Value,
            message.Key,
            StoredJson.Write(message.Target),
            StoredJson.Write(message.Reply),
            message.CreatedAt,
            message.DueAt ?? message.CreatedAt,
        }),
    ];

    private static OutboxMessage ReadMessage(StoredRow r) =>
        new(
            r.GetInt64(0),
            new(r.GetString(1)),
            r.GetString(2),
            StoredJson.ReadTarget(r.GetString(3)),
            StoredJson.ReadReply(r.GetString(4)),
            r.GetInstant(5))
        {
            DueAt = r.GetNullableInstant(6),
            Progress = r.GetNullableString(7),
        };
}
