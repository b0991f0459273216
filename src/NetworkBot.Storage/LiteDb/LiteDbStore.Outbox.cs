using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Storage.Relational;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// Outbox documents have the SQL table's fields plus <c>pending_at</c>: the due time of a message still to be
/// delivered, null once it is delivered or has failed for good. Its index holds only what the dispatcher looks for, so
/// listing due messages never walks the delivered history. <c>_id</c> is a 64-bit number LiteDB assigns, unique across
/// communities as the dispatcher's calls by id need; <c>key_id</c> (community and key) is unique, so a key is enqueued
/// once per community. One process uses a file, so a claim held by an owner that has made no claim in this process is a
/// killed process's: it holds nothing back, and a restart sends at once instead of waiting out the lease.
/// </remarks>
public sealed partial class LiteDbStore
{
    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return WriteAsync(db => Enqueue(db, messages), ct);
    }

    /// <summary>
    /// Communities take turns: each one's oldest (by creation time, then id) first, then each one's second, and so on.
    /// A document this build cannot read is set aside as a permanent failure (its reason names the exception), so it
    /// neither fails the batch nor comes back.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListDueOutboxAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        if (max <= 0)
        {
            return [];
        }

        var due = await ReadAsync(db => Taking(Due(db, now), max), ct).ConfigureAwait(false);
        return await ReadableAsync(due, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims, in one write, at most <paramref name="max"/> due messages of communities where no other owner holds a live
    /// claim, in the order of <see cref="ListDueOutboxAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(
        DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        if (max <= 0)
        {
            return [];
        }

        var claimed = await WriteAsync(
            db =>
            {
                var outbox = Collection(db, LiteDbCollections.Outbox);
                file.Claimants.Add(owner);
                var heldElsewhere = outbox.Find(LiteDbQuery.Greater("claimed_until", TextValues.Instant(now)))
                    .Where(d => d["claimed_by"].AsString != owner && file.Claimants.Contains(d["claimed_by"].AsString))
                    .Select(d => d["community_id"].AsString)
                    .ToHashSet(StringComparer.Ordinal);
                var taken = Taking(Due(db, now).Where(d => !heldElsewhere.Contains(d["community_id"].AsString)), max);
                foreach (var document in taken)
                {
                    document["claimed_by"] = owner;
                    document["claimed_until"] = LiteDbValues.Instant(leaseUntil);
                    outbox.Update(document);
                }

                return taken;
            },
            ct).ConfigureAwait(false);
        return await ReadableAsync(claimed, ct).ConfigureAwait(false);
    }

    public Task<DateTimeOffset?> LatestCreatedAtAsync(CommunityId community, string keyPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        return ReadAsync(
            db => Collection(db, LiteDbCollections.Outbox)
                .Find(LiteDbQuery.StartsWith(community.Value, "key", keyPrefix))
                .Select(d => (DateTimeOffset?)d.GetInstant("created_at"))
                .Max(),
            ct);
    }

    public Task<OutboxMessage?> GetOutboxAsync(CommunityId community, string key, CancellationToken ct) =>
        FindByCommunityKeyAsync(LiteDbCollections.Outbox, "key_id", community, key, ReadMessage, ct);

    public Task ReleaseOutboxClaimsAsync(string owner, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var outbox = Collection(db, LiteDbCollections.Outbox);
                foreach (var document in outbox.Find(LiteDbQuery.Equal("claimed_by", owner)).ToList())
                {
                    outbox.Update(Unclaimed(document));
                }
            },
            ct);

    public Task<int> PruneDeliveredAsync(CommunityId community, DateTimeOffset deliveredBefore, int max, CancellationToken ct) =>
        max <= 0
            ? Task.FromResult(0)
            : WriteAsync(
                db =>
                {
                    var outbox = Collection(db, LiteDbCollections.Outbox);
                    var old = InCommunity(db, LiteDbCollections.Outbox, community)
                        .Select(d => (Id: d["_id"], DeliveredAt: d.GetNullableInstant("delivered_at")))
                        .Where(d => d.DeliveredAt < deliveredBefore)
                        .OrderBy(d => d.DeliveredAt)
                        .ThenBy(d => d.Id.AsInt64)
                        .Take(max)
                        .ToList();
                    return old.Count(d => outbox.Delete(d.Id));
                },
                ct);

    public Task MarkDeliveredAsync(long outboxId, string? messageRef, DateTimeOffset at, CancellationToken ct) =>
        UpdateOutboxAsync(
            outboxId,
            document =>
            {
                document["delivered_at"] = LiteDbValues.Instant(at);
                document["message_ref"] = LiteDbValues.Text(messageRef);
                document["pending_at"] = BsonValue.Null;
                return Unclaimed(document);
            },
            ct);

    public Task SaveOutboxProgressAsync(long outboxId, string progress, CancellationToken ct) =>
        UpdateOutboxAsync(
            outboxId,
            document =>
            {
                if (!document["delivered_at"].IsNull)
                {
                    return null;
                }

                document["progress"] = LiteDbValues.Text(progress);
                return document;
            },
            ct);

    public Task MarkAttemptFailedAsync(long outboxId, string reason, DateTimeOffset? retryAt, CancellationToken ct) =>
        UpdateOutboxAsync(
            outboxId,
            document =>
            {
                if (!document["delivered_at"].IsNull)
                {
                    return null;
                }

                document["attempts"] = document["attempts"].AsInt64 + 1;
                document["last_error"] = LiteDbValues.Text(reason);
                document["due_at"] = LiteDbValues.Instant(retryAt);
                document["pending_at"] = LiteDbValues.Instant(retryAt);
                return Unclaimed(document);
            },
            ct);

    /// <summary>
    /// Counts the text entries of <c>pending_at</c>'s index, the messages still to be delivered. Text sorts after null, so
    /// "from the empty text on" is one range that skips the delivered history (a "not null" test would walk all of it).
    /// </summary>
    public Task<OutboxBacklog> GetOutboxBacklogAsync(DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(
            db =>
            {
                var outbox = Collection(db, LiteDbCollections.Outbox);
                var pending = Query.GTE("pending_at", string.Empty);
                var depth = outbox.Count(pending);
                var oldest = outbox.Query().Where(pending).OrderBy("pending_at").Select("pending_at").FirstOrDefault();
                DateTimeOffset? oldestDue = oldest is null ? null : TextValues.ParseInstant(oldest["pending_at"].AsString);
                return new OutboxBacklog(depth, oldestDue <= now ? oldestDue : null);
            },
            ct);

    /// <summary>Inside a write: adds <paramref name="messages"/>, skipping each whose (community, key) is already there.</summary>
    private static void Enqueue(LiteDatabase db, IReadOnlyList<OutboxMessage> messages)
    {
        var outbox = db.GetCollection(LiteDbCollections.Outbox, BsonAutoId.Int64);
        foreach (var message in messages)
        {
            var keyId = LiteDbKey.Of(message.Community.Value, message.Key);
            if (outbox.Exists(LiteDbQuery.Equal("key_id", keyId)))
            {
                continue;
            }

            var due = LiteDbValues.Instant(message.DueAt ?? message.CreatedAt);
            outbox.Insert(new BsonDocument
            {
                ["community_id"] = LiteDbValues.Text(message.Community.Value),
                ["key"] = LiteDbValues.Text(message.Key),
                ["key_id"] = keyId,
                ["target"] = LiteDbValues.Json(StoredJson.Write(message.Target)),
                ["reply"] = LiteDbValues.Json(StoredJson.Write(message.Reply)),
                ["created_at"] = LiteDbValues.Instant(message.CreatedAt),
                ["due_at"] = due,
                ["pending_at"] = due,
                ["delivered_at"] = BsonValue.Null,
                ["attempts"] = 0L,
                ["last_error"] = BsonValue.Null,
                ["message_ref"] = BsonValue.Null,
                ["progress"] = BsonValue.Null,
                ["claimed_by"] = BsonValue.Null,
                ["claimed_until"] = BsonValue.Null,
            });
        }
    }

    /// <summary>The messages due at <paramref name="now"/>, through <c>pending_at</c>'s index (text sorts after null, so nulls are left out).</summary>
    private static IEnumerable<BsonDocument> Due(LiteDatabase db, DateTimeOffset now) =>
        Collection(db, LiteDbCollections.Outbox).Find(LiteDbQuery.Between("pending_at", string.Empty, TextValues.Instant(now)));

    /// <summary>At most <paramref name="max"/> of <paramref name="due"/>, communities taking turns, each one's oldest first.</summary>
    private static List<BsonDocument> Taking(IEnumerable<BsonDocument> due, int max) =>
        [.. due
            .GroupBy(d => d["community_id"].AsString, StringComparer.Ordinal)
            .SelectMany(community => community
                .OrderBy(d => d["created_at"].AsString, StringComparer.Ordinal)
                .ThenBy(d => d["_id"].AsInt64)
                .Select((d, turn) => (Document: d, Turn: turn)))
            .OrderBy(t => t.Turn)
            .ThenBy(t => t.Document["created_at"].AsString, StringComparer.Ordinal)
            .ThenBy(t => t.Document["_id"].AsInt64)
            .Take(max)
            .Select(t => t.Document)];

    private static BsonDocument Unclaimed(BsonDocument document)
    {
        document["claimed_by"] = BsonValue.Null;
        document["claimed_until"] = BsonValue.Null;
        return document;
    }

    /// <summary>One write changing the message <paramref name="outboxId"/>; <paramref name="change"/> returns null to leave it as it is.</summary>
    private Task UpdateOutboxAsync(long outboxId, Func<BsonDocument, BsonDocument?> change, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var outbox = Collection(db, LiteDbCollections.Outbox);
                if (outbox.FindById(outboxId) is { } document && change(document) is { } changed)
                {
                    outbox.Update(changed);
                }
            },
            ct);

    /// <summary>Reads each document as a message; one this build cannot read is marked failed for good instead.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ReadableAsync(IReadOnlyList<BsonDocument> documents, CancellationToken ct)
    {
        var messages = new List<OutboxMessage>(documents.Count);
        foreach (var document in documents)
        {
            OutboxMessage message;
            try
            {
                message = ReadMessage(document);
            }
            catch (Exception exception) when (exception is not LiteException)
            {
                await MarkAttemptFailedAsync(document["_id"].AsInt64, $"unreadable: {exception.GetType().Name}", null, ct).ConfigureAwait(false);
                continue;
            }

            messages.Add(message);
        }

        return messages;
    }

    private static OutboxMessage ReadMessage(BsonDocument d)
    {
        var createdAt = d.GetInstant("created_at");
        var dueAt = d.GetNullableInstant("due_at");
        return new(
            d["_id"].AsInt64,
            new(d.GetRequiredText("community_id")),
            d.GetRequiredText("key"),
            StoredJson.ReadTarget(d.GetRequiredText("target")),
            StoredJson.ReadReply(d.GetRequiredText("reply")),
            createdAt)
        {
            DueAt = dueAt == createdAt ? null : dueAt,
            Progress = d.GetText("progress"),
        };
    }
}
