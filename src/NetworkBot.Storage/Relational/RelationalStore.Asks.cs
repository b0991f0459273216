using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// Asks and their candidates: an <c>asks</c> row per ask, its candidates in <c>ask_candidates</c> by position (the order
/// they are asked in). A save replaces the ask's candidate rows, so the stored candidates are always those of one version
/// of the ask. The stored version starts at 1, so a version-0 save can only be an insert: a version-0 ask whose id is
/// taken in its community is refused with <see cref="StaleWriteException"/>, as any other write whose row moved on, and
/// the caller, reading afresh, finds the id used and picks another.
/// </remarks>
public abstract partial class RelationalStore
{
    private const string AskColumns =
        "community_id, ask_id, asker, request, created_at, expires_at, status, introduced_to, introduced_at, followed_up_at, "
        + "connected_at, next_step_at, version";

    private static readonly string[] AskCandidateColumns =
        ["community_id", "ask_id", "member_id", "position", "offer", "status", "asked_at", "answered_at"];

    public async Task<Ask?> GetAskAsync(CommunityId community, AskId id, CancellationToken ct) =>
        (await ReadAsksAsync(
            "community_id = @community AND ask_id = @ask",
            "ask_id",
            [("community", community.Value), ("ask", id.Value)],
            ct).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<Ask>> ListMemberAsksAsync(CommunityId community, MemberId asker, CancellationToken ct) =>
        ReadAsksAsync(
            "community_id = @community AND asker = @asker",
            "created_at DESC, ask_id DESC",
            [("community", community.Value), ("asker", asker.Value)],
            ct);

    public Task<IReadOnlyList<Ask>> ListOpenAsksAsync(CommunityId community, CancellationToken ct) =>
        ReadAsksAsync(
            "community_id = @community AND status = @status",
            "created_at, ask_id",
            [("community", community.Value), ("status", nameof(AskStatus.Open))],
            ct);

    /// <summary>Across communities, by design: this is the ask scheduler's work list, read by the <c>asks_due</c> index.</summary>
    public Task<IReadOnlyList<Ask>> ListDueAsksAsync(DateTimeOffset now, CancellationToken ct) =>
        ReadAsksAsync(
            "next_step_at IS NOT NULL AND next_step_at <= @now",
            "next_step_at, community_id, ask_id",
            [("now", now)],
            ct);

    public async Task<int> CountTimesAskedAsync(CommunityId community, MemberId member, DateTimeOffset since, CancellationToken ct) =>
        (await QueryAsync(
            """
            SELECT CAST(COUNT(*) AS integer) FROM ask_candidates
            WHERE community_id = @community AND member_id = @member AND asked_at >= @since
            """,
            [("community", community.Value), ("member", member.Value), ("since", since)],
            r => r.GetInt32(0),
            ct).ConfigureAwait(false))[0];

    public Task SaveAskAsync(Ask ask, IReadOnlyList<OutboxMessage> messages, Connection? connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(messages);
        CommunityScope.RequireAll(ask.Community, messages, m => m.Community, nameof(messages));
        (string, object?)[] parameters =
        [
            ("community", ask.Community.Value),
            ("ask", ask.Id.Value),
            ("asker", ask.Asker.Value),
            ("request", ask.Request),
            ("created_at", ask.CreatedAt),
            ("expires_at", ask.ExpiresAt),
            ("status", ask.Status.ToString()),
            ("introduced_to", ask.IntroducedTo?.Value),
            ("introduced_at", ask.IntroducedAt),
            ("followed_up_at", ask.FollowedUpAt),
            ("connected_at", ask.ConnectedAt),
            ("next_step_at", ask.NextStepAt),
            ("version", ask.Version),
        ];
        return InTransactionAsync(
            async transaction =>
            {
                var written = ask.Version == 0
                    ? await transaction.ExecuteAsync(
                        $"""
                        INSERT INTO asks ({AskColumns})
                        VALUES (@community, @ask, @asker, @request, @created_at, @expires_at, @status, @introduced_to, @introduced_at,
                                @followed_up_at, @connected_at, @next_step_at, 1)
                        ON CONFLICT (community_id, ask_id) DO NOTHING
                        """, parameters, ct).ConfigureAwait(false)
                    : await transaction.ExecuteAsync(
                        """
                        UPDATE asks SET
                            asker = @asker, request = @request, created_at = @created_at, expires_at = @expires_at, status = @status,
                            introduced_to = @introduced_to, introduced_at = @introduced_at, followed_up_at = @followed_up_at,
                            connected_at = @connected_at, next_step_at = @next_step_at, version = version + 1
                        WHERE community_id = @community AND ask_id = @ask AND version = @version
                        """, parameters, ct).ConfigureAwait(false);
                if (written != 1)
                {
                    throw new StaleWriteException(ask.Version == 0
                        ? $"Ask {ask.Id} of {ask.Community} already exists."
                        : $"Ask {ask.Id} of {ask.Community} changed or was deleted since it was read (version {ask.Version}).");
                }

                await transaction.ExecuteAsync(
                    "DELETE FROM ask_candidates WHERE community_id = @community AND ask_id = @ask", parameters, ct).ConfigureAwait(false);
                await InsertRowsAsync(
                    transaction,
                    "ask_candidates",
                    AskCandidateColumns,
                    [
                        .. ask.Candidates.Select((c, position) => new object?[]
                        {
                            ask.Community.Value, ask.Id.Value, c.Member.Value, position, c.Offer, c.Status.ToString(), c.AskedAt, c.AnsweredAt,
                        }),
                    ],
                    "",
                    ct).ConfigureAwait(false);
                await InsertOutboxAsync(transaction, messages, ct).ConfigureAwait(false);
                if (connection is not null)
                {
                    await InsertConnectionsAsync(transaction, ask.Community, [connection], ct).ConfigureAwait(false);
                }
            },
            ct);
    }

    public async Task<AskFigures> CountAsksAsync(CommunityId community, DateTimeOffset since, CancellationToken ct) =>
        (await QueryAsync(
            """
            SELECT CAST(COUNT(*) AS integer),
                   CAST(COALESCE(SUM(CASE WHEN introduced_to IS NOT NULL THEN 1 ELSE 0 END), 0) AS integer),
                   CAST(COALESCE(SUM(CASE WHEN connected_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS integer)
            FROM asks WHERE community_id = @community AND created_at >= @since
            """,
            [("community", community.Value), ("since", since)],
            r => new AskFigures(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)),
            ct).ConfigureAwait(false))[0];

    /// <summary>
    /// The asks <paramref name="where"/> selects in <paramref name="order"/>, each with its candidates, read in one snapshot
    /// so an ask and its candidates are always of the same save.
    /// </summary>
    private async Task<IReadOnlyList<Ask>> ReadAsksAsync(
        string where, string order, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var transaction = await BeginAsync(TransactionKind.Snapshot, ct).ConfigureAwait(false);
        var asks = await transaction.QueryAsync($"SELECT {AskColumns} FROM asks WHERE {where} ORDER BY {order}", parameters, ReadAsk, ct)
            .ConfigureAwait(false);
        var candidates = asks.Count == 0
            ? []
            : await transaction.QueryAsync(
                $"""
                SELECT community_id, ask_id, member_id, offer, status, asked_at, answered_at FROM ask_candidates
                WHERE (community_id, ask_id) IN (SELECT community_id, ask_id FROM asks WHERE {where})
                ORDER BY community_id, ask_id, position
                """,
                parameters,
                r => (Ask: (r.GetString(0), r.GetString(1)), Candidate: new AskCandidate(
                    new MemberId(r.GetString(2)), r.GetNullableString(3), r.GetEnum<CandidateStatus>(4), r.GetNullableInstant(5), r.GetNullableInstant(6))),
                ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        var byAsk = candidates.ToLookup(c => c.Ask, c => c.Candidate);
        return [.. asks.Select(a => a with { Candidates = [.. byAsk[(a.Community.Value, a.Id.Value)]] })];
    }

    private static Ask ReadAsk(StoredRow r) =>
        new(
            new CommunityId(r.GetString(0)),
            new AskId(r.GetString(1)),
            new MemberId(r.GetString(2)),
            r.GetString(3),
            r.GetInstant(4),
            r.GetInstant(5),
            r.GetEnum<AskStatus>(6),
            [])
        {
            IntroducedTo = r.GetNullableString(7) is { } introduced ? new MemberId(introduced) : null,
            IntroducedAt = r.GetNullableInstant(8),
            FollowedUpAt = r.GetNullableInstant(9),
            ConnectedAt = r.GetNullableInstant(10),
            NextStepAt = r.GetNullableInstant(11),
            Version = r.GetInt32(12),
        };
}
