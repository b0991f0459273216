using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Storage.Serialization;
using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <remarks>
/// As <see cref="Sqlite.SqliteStore"/>'s outbox: a message is due while <c>delivered_at</c> is null and <c>due_at</c>
/// is set and not in the future; enqueueing sets <c>due_at</c> to <see cref="OutboxMessage.DueAt"/> or else the creation
/// time, a retry moves it, a permanent failure clears it. A listed message carries <c>due_at</c> as its
/// <see cref="OutboxMessage.DueAt"/> only when it differs from the creation time. Ids come from one identity, so they
/// are unique across communities and the dispatcher's calls by id need no community. A key is enqueued once per
/// community (<c>ON CONFLICT DO NOTHING</c>), also when two instances enqueue it at once.
/// </remarks>
public sealed partial class PostgresStore
{
    /// <summary>The advisory lock key that serialises outbox claims across instances ("NBClaims" in ASCII).</summary>
    private const long ClaimLockKey = 0x4E42_436C_6169_6D73;

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return InTransactionAsync((connection, transaction) => InsertOutboxAsync(connection, transaction, messages, ct), ct);
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
                [("now", PostgresValues.Instant(now)), ("max", max)],
                ReadMessage,
                (id, error) => MarkAttemptFailedAsync(id, $"unreadable: {error}", null, ct),
                ct);

    /// <summary>
    /// Claims run one at a time across instances (a transaction-scoped advisory lock), so each sees the claims committed
    /// before it and no community gets a second owner; the claimed rows are also locked <c>FOR UPDATE SKIP LOCKED</c>, so a
    /// row another transaction is recording an outcome for is left to the next claim.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(
        DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        if (max <= 0)
        {
            return [];
        }

        await InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", transaction, [("key", ClaimLockKey)], ct).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    """
                    UPDATE outbox SET claimed_by = @owner, claimed_until = @lease
                    WHERE id IN (
                        SELECT o.id FROM outbox AS o JOIN (
                            SELECT id FROM (
                                SELECT id, created_at, ROW_NUMBER() OVER (PARTITION BY community_id ORDER BY created_at, id) AS turn FROM outbox AS d
                                WHERE delivered_at IS NULL AND due_at IS NOT NULL AND due_at <= @now
                                    AND NOT EXISTS (
                                        SELECT 1 FROM outbox AS c
                                        WHERE c.community_id = d.community_id AND c.claimed_until > @now AND c.claimed_by <> @owner)) AS due
                            ORDER BY turn, created_at, id
                            LIMIT @max) AS chosen ON chosen.id = o.id
                        FOR UPDATE OF o SKIP LOCKED)
                    """,
                    transaction,
                    [("now", PostgresValues.Instant(now)), ("max", max), ("owner", owner), ("lease", PostgresValues.Instant(leaseUntil))],
                    ct).ConfigureAwait(false);
            },
            ct).ConfigureAwait(false);
        return await QueryReadableAsync(
            """
            SELECT id, community_id, key, target, reply, created_at, NULLIF(due_at, created_at), progress FROM (
                SELECT *, ROW_NUMBER() OVER (PARTITION BY community_id ORDER BY created_at, id) AS turn FROM outbox
                WHERE delivered_at IS NULL AND claimed_by = @owner AND claimed_until = @lease) AS claimed
            ORDER BY turn, created_at, id
            """,
            [("owner", owner), ("lease", PostgresValues.Instant(leaseUntil))],
            ReadMessage,
            (id, error) => MarkAttemptFailedAsync(id, $"unreadable: {error}", null, ct),
            ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The keys that start with <paramref name="keyPrefix"/>, compared as text with <c>starts_with</c>, not by a range:
    /// a range compares in the database's collation, which need not be SQLite's ordinal byte order.
    /// </summary>
    public async Task<DateTimeOffset?> LatestCreatedAtAsync(CommunityId community, string keyPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var latest = await QueryAsync(
            """
            SELECT MAX(created_at) FROM outbox
            WHERE community_id = @community AND starts_with(key, @prefix)
            """,
            [("community", community.Value), ("prefix", keyPrefix)],
            r => r.GetNullableInstant(0),
            ct).ConfigureAwait(false);
        return latest[0];
    }

    public Task ReleaseOutboxClaimsAsync(string owner, CancellationToken ct) =>
        ExecuteAsync("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @owner", [("@owner", owner)], ct);

    public Task MarkDeliveredAsync(long outboxId, string? messageRef, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync(
            "UPDATE outbox SET delivered_at = @at, message_ref = @message_ref, claimed_by = NULL, claimed_until = NULL WHERE id = @id",
            [("id", outboxId), ("message_ref", messageRef), ("at", PostgresValues.Instant(at))],
            ct);

    public Task SaveOutboxProgressAsync(long outboxId, string progress, CancellationToken ct) =>
        ExecuteAsync(
            "UPDATE outbox SET progress = @progress WHERE id = @id AND delivered_at IS NULL",
            [("id", outboxId), ("progress", progress)],
            ct);

    public Task MarkAttemptFailedAsync(long outboxId, string reason, DateTimeOffset? retryAt, CancellationToken ct) =>
        ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, last_error = @reason, due_at = @due_at, claimed_by = NULL, claimed_until = NULL WHERE id = @id AND delivered_at IS NULL",
            [("id", outboxId), ("reason", reason), ("due_at", PostgresValues.Instant(retryAt))],
            ct);

    private static async Task InsertOutboxAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO outbox (community_id, key, target, reply, created_at, due_at)
                VALUES (@community, @key, @target, @reply, @created_at, @due_at)
                ON CONFLICT (community_id, key) DO NOTHING
                """,
                transaction,
                [
                    ("community", message.Community.Value),
                    ("key", message.Key),
                    ("target", StoredJson.Write(message.Target)),
                    ("reply", StoredJson.Write(message.Reply)),
                    ("created_at", PostgresValues.Instant(message.CreatedAt)),
                    ("due_at", PostgresValues.Instant(message.DueAt ?? message.CreatedAt)),
                ],
                ct).ConfigureAwait(false);
        }
    }

    private static OutboxMessage ReadMessage(NpgsqlDataReader r) =>
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
