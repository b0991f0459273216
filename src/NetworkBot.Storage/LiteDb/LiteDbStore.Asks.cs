using LiteDB;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// Asks and their candidates, as <see cref="RelationalStore"/> keeps them: an <c>asks</c> document per ask (<c>_id</c> its
/// community and id), its candidates in <c>ask_candidates</c> (<c>_id</c> the community, the ask and the member, so an
/// ask's candidates are one range of <c>_id</c>), in <c>position</c> order. Both carry a <c>member_key</c> (the community
/// and the asker, or the candidate), the index a member's asks, the times a member was asked and an erasure go through;
/// the scheduler's due asks come from <c>next_step_at</c>'s index across communities. The stored version starts at 1, so a
/// version-0 save whose id is taken is refused as stale, as on the SQL providers.
/// </remarks>
public sealed partial class LiteDbStore
{
    public Task<Ask?> GetAskAsync(CommunityId community, AskId id, CancellationToken ct) =>
        ReadAsync(db => Collection(db, LiteDbCollections.Asks).FindById(LiteDbKey.Of(community.Value, id.Value)) is { } d ? ReadAsk(db, d) : null, ct);

    public Task<IReadOnlyList<Ask>> ListMemberAsksAsync(CommunityId community, MemberId asker, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Ask>>(
            db => [.. OldestFirst(db, Collection(db, LiteDbCollections.Asks).Find(LiteDbQuery.Equal("member_key", LiteDbKey.Of(community.Value, asker.Value))))
                .Reverse()],
            ct);

    public Task<IReadOnlyList<Ask>> ListOpenAsksAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Ask>>(
            db => [.. OldestFirst(db, InCommunity(db, LiteDbCollections.Asks, community).Where(d => d.GetText("status") == nameof(AskStatus.Open)))],
            ct);

    /// <summary>
    /// Across communities, by design: the ask scheduler's work list, read through <c>next_step_at</c>'s index (text sorts
    /// after null, so asks with nothing left to do are left out).
    /// </summary>
    public Task<IReadOnlyList<Ask>> ListDueAsksAsync(DateTimeOffset now, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Ask>>(
            db => [.. Collection(db, LiteDbCollections.Asks).Find(LiteDbQuery.Between("next_step_at", string.Empty, TextValues.Instant(now)))
                .Select(d => ReadAsk(db, d))
                .OrderBy(a => a.NextStepAt)
                .ThenBy(a => a.Community.Value, StringComparer.Ordinal)
                .ThenBy(a => a.Id.Value, StringComparer.Ordinal)],
            ct);

    public Task<int> CountTimesAskedAsync(CommunityId community, MemberId member, DateTimeOffset since, CancellationToken ct)
    {
        var from = TextValues.Instant(since);
        return ReadAsync(
            db => Collection(db, LiteDbCollections.AskCandidates).Find(LiteDbQuery.Equal("member_key", LiteDbKey.Of(community.Value, member.Value)))
                .Count(d => d.GetText("asked_at") is { } asked && string.CompareOrdinal(asked, from) >= 0),
            ct);
    }

    public Task SaveAskAsync(Ask ask, IReadOnlyList<OutboxMessage> messages, Connection? connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(messages);
        CommunityScope.RequireAll(ask.Community, messages, m => m.Community, nameof(messages));
        var (community, id) = (ask.Community.Value, ask.Id.Value);
        return WriteAsync(
            db =>
            {
                var asks = Collection(db, LiteDbCollections.Asks);
                var key = LiteDbKey.Of(community, id);
                var stored = asks.FindById(key);
                if (ask.Version == 0 ? stored is not null : stored?["version"].AsInt32 != ask.Version)
                {
                    throw new StaleWriteException(ask.Version == 0
                        ? $"Ask {id} of {community} already exists."
                        : $"Ask {id} of {community} changed or was deleted since it was read (version {ask.Version}).");
                }

                asks.Upsert(new BsonDocument
                {
                    ["_id"] = key,
                    ["community_id"] = LiteDbValues.Text(community),
                    ["ask_id"] = LiteDbValues.Text(id),
                    ["asker"] = LiteDbValues.Text(ask.Asker.Value),
                    ["request"] = LiteDbValues.Text(ask.Request),
                    ["created_at"] = LiteDbValues.Instant(ask.CreatedAt),
                    ["expires_at"] = LiteDbValues.Instant(ask.ExpiresAt),
                    ["status"] = ask.Status.ToString(),
                    ["introduced_to"] = LiteDbValues.Text(ask.IntroducedTo?.Value),
                    ["introduced_at"] = LiteDbValues.Instant(ask.IntroducedAt),
                    ["followed_up_at"] = LiteDbValues.Instant(ask.FollowedUpAt),
                    ["connected_at"] = LiteDbValues.Instant(ask.ConnectedAt),
                    ["next_step_at"] = LiteDbValues.Instant(ask.NextStepAt),
                    ["version"] = ask.Version + 1,
                    ["member_key"] = LiteDbKey.Of(community, ask.Asker.Value),
                });
                var candidates = Collection(db, LiteDbCollections.AskCandidates);
                candidates.DeleteMany(LiteDbQuery.KeyPrefix(community, id));
                foreach (var (candidate, position) in ask.Candidates.Select((c, i) => (c, i)))
                {
                    candidates.Insert(new BsonDocument
                    {
                        ["_id"] = LiteDbKey.Of(community, id, candidate.Member.Value),
                        ["community_id"] = LiteDbValues.Text(community),
                        ["ask_id"] = LiteDbValues.Text(id),
                        ["member_id"] = LiteDbValues.Text(candidate.Member.Value),
                        ["position"] = position,
                        ["offer"] = LiteDbValues.Text(candidate.Offer),
                        ["status"] = candidate.Status.ToString(),
                        ["asked_at"] = LiteDbValues.Instant(candidate.AskedAt),
                        ["answered_at"] = LiteDbValues.Instant(candidate.AnsweredAt),
                        ["member_key"] = LiteDbKey.Of(community, candidate.Member.Value),
                    });
                }

                Enqueue(db, messages);
                if (connection is not null)
                {
                    InsertConnections(db, ask.Community, [connection]);
                }
            },
            ct);
    }

    public Task<AskFigures> CountAsksAsync(CommunityId community, DateTimeOffset since, CancellationToken ct)
    {
        var from = TextValues.Instant(since);
        return ReadAsync(
            db =>
            {
                var made = InCommunity(db, LiteDbCollections.Asks, community)
                    .Where(d => string.CompareOrdinal(d.GetRequiredText("created_at"), from) >= 0)
                    .ToList();
                return new AskFigures(made.Count, made.Count(d => !d["introduced_to"].IsNull), made.Count(d => !d["connected_at"].IsNull));
            },
            ct);
    }

    /// <summary>The asks of <paramref name="documents"/> in the order they were made (their id after the instant, as SQL orders them).</summary>
    private static IEnumerable<Ask> OldestFirst(LiteDatabase db, IEnumerable<BsonDocument> documents) =>
        documents.Select(d => ReadAsk(db, d)).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id.Value, StringComparer.Ordinal);

    /// <summary>The ask <paramref name="d"/> with its candidates, read in the same read so they are of the same save.</summary>
    private static Ask ReadAsk(LiteDatabase db, BsonDocument d)
    {
        var (community, id) = (d.GetRequiredText("community_id"), d.GetRequiredText("ask_id"));
        return new Ask(
            new CommunityId(community),
            new AskId(id),
            new MemberId(d.GetRequiredText("asker")),
            d.GetRequiredText("request"),
            d.GetInstant("created_at"),
            d.GetInstant("expires_at"),
            d.GetEnum<AskStatus>("status"),
            [.. Collection(db, LiteDbCollections.AskCandidates).Find(LiteDbQuery.KeyPrefix(community, id))
                .OrderBy(c => c["position"].AsInt32)
                .Select(c => new AskCandidate(
                    new MemberId(c.GetRequiredText("member_id")),
                    c.GetText("offer"),
                    c.GetEnum<CandidateStatus>("status"),
                    c.GetNullableInstant("asked_at"),
                    c.GetNullableInstant("answered_at")))])
        {
            IntroducedTo = d.GetText("introduced_to") is { } introduced ? new MemberId(introduced) : null,
            IntroducedAt = d.GetNullableInstant("introduced_at"),
            FollowedUpAt = d.GetNullableInstant("followed_up_at"),
            ConnectedAt = d.GetNullableInstant("connected_at"),
            NextStepAt = d.GetNullableInstant("next_step_at"),
            Version = d["version"].AsInt32,
        };
    }
}
