using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Storage.Relational;

public abstract partial class RelationalStore
{
    /// <summary>
    /// One row per group member (a group without members, or a round without groups, still gives one row),
    /// ordered by the caller so that each round's rows, and each group's rows within it, are contiguous.
    /// <c>picked</c> names the rounds (and optionally the one group of each) to return; the joins follow its
    /// <c>community_id</c>, so the community filter lives in <c>picked</c> alone.
    /// </summary>
    private const string RoundRows = """
        SELECT r.community_id, r.round_id, r.started_at, r.group_size, r.mode, r.seed,
               r.ends_at, r.nudged_at, r.check_in_at, r.reasked_at, r.closed_at,
               g.group_id, g.outcome, gm.member_id, r.version, g.version
        FROM picked p
        JOIN rounds r ON r.community_id = p.community_id AND r.round_id = p.round_id
        LEFT JOIN round_groups g ON g.community_id = r.community_id AND g.round_id = r.round_id AND (p.group_id IS NULL OR g.group_id = p.group_id)
        LEFT JOIN group_members gm ON gm.community_id = g.community_id AND gm.group_id = g.group_id
        """;

    /// <summary>The round and its groups are stored at version 0; the members' versions are checked, not raised, but for those whose skip it uses.</summary>
    public Task SaveRoundAsync(RoundRecord round, RoundBasis basis, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(messages);
        var community = round.Round.Community.Value;
        CommunityScope.RequireAll(round.Round.Community, basis.Members, m => m.Community, nameof(basis));
        if (basis.Schedule is { } schedule)
        {
            CommunityScope.Require(round.Round.Community, schedule.Community, nameof(basis));
        }

        return InTransactionAsync(
            async transaction =>
            {
                foreach (var member in basis.Members)
                {
                    await RequireMemberVersionAsync(transaction, member, ct).ConfigureAwait(false);
                }

                if (basis.Schedule is { } schedule)
                {
                    await UpsertScheduleAsync(transaction, schedule, ct).ConfigureAwait(false);
                }

                await transaction.ExecuteAsync(
                    """
                    INSERT INTO rounds (community_id, round_id, started_at, group_size, mode, seed, ends_at, nudged_at, check_in_at, reasked_at, closed_at)
                    VALUES (@community, @round, @started_at, @group_size, @mode, @seed, @ends_at, @nudged_at, @check_in_at, @reasked_at, @closed_at)
                    """, [
                        .. PhaseParameters(round.Round),
                        ("started_at", round.Round.StartedAt),
                        ("group_size", round.Round.GroupSize),
                        ("mode", round.Round.Mode.ToString()),
                        ("seed", round.Round.Seed),
                    ],
                    ct).ConfigureAwait(false);

                for (var g = 0; g < round.Groups.Count; g++)
                {
                    await InsertGroupAsync(transaction, community, round.Round.Id, round.Groups[g], g, ct).ConfigureAwait(false);
                }

                await InsertOutboxAsync(transaction, messages, ct).ConfigureAwait(false);
                await transaction.ExecuteAsync(
                    $"""
                    UPDATE members SET coffee_skip_next = {False}, version = version + 1
                    WHERE community_id = @community AND coffee_joined = {True} AND coffee_skip_next = {True}
                    """, [("community", community)],
                    ct).ConfigureAwait(false);
            },
            ct);
    }

    public async Task<int> CountRoundsAsync(CommunityId community, CancellationToken ct) =>
        (await QueryAsync(
            "SELECT CAST(COUNT(*) AS integer) FROM rounds WHERE community_id = @community",
            [("community", community.Value)],
            r => r.GetInt32(0),
            ct).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<RoundRecord>> ListRoundsAsync(CommunityId community, int limit, CancellationToken ct) =>
        limit <= 0
            ? []
            : await ReadRoundsAsync(
                $"""
                WITH picked AS (
                    SELECT community_id, round_id, NULL AS group_id FROM rounds
                    WHERE community_id = @community
                    ORDER BY started_at DESC, round_id DESC
                    LIMIT @limit)
                {RoundRows}
                ORDER BY r.started_at, r.round_id, g.position, gm.position
                """,
                [("community", community.Value), ("limit", limit)],
                ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<RoundRecord>> ListMemberRoundsAsync(CommunityId community, MemberId member, int limit, CancellationToken ct) =>
        limit <= 0
            ? []
            : await ReadRoundsAsync(
                // The member's own groups first, by their index, then their rounds: left to choose, SQLite's planner
                // (without statistics, and a community's rows all share its id) walked every group of the community
                // and looked the member up in each, 3.9 s instead of 0.5 at 100,000 members and 26 rounds.
                $"""
                WITH mine AS MATERIALIZED (
                    SELECT community_id, group_id FROM group_members
                    WHERE community_id = @community AND member_id = @member),
                picked AS (
                    SELECT g.community_id, g.round_id, g.group_id
                    FROM mine m
                    JOIN round_groups g ON g.community_id = m.community_id AND g.group_id = m.group_id
                    JOIN rounds r ON r.community_id = g.community_id AND r.round_id = g.round_id
                    ORDER BY r.started_at DESC, r.round_id DESC
                    LIMIT @limit)
                {RoundRows}
                ORDER BY r.started_at DESC, r.round_id DESC, g.position, gm.position
                """,
                [("community", community.Value), ("member", member.Value), ("limit", limit)],
                ct).ConfigureAwait(false);

    public async Task<RoundRecord?> GetRoundAsync(CommunityId community, RoundId round, CancellationToken ct) =>
        (await ReadRoundsAsync(
            $"""
            WITH picked AS (
                SELECT community_id, round_id, NULL AS group_id FROM rounds
                WHERE community_id = @community AND round_id = @round)
            {RoundRows}
            ORDER BY g.position, gm.position
            """,
            [("community", community.Value), ("round", round.Value)],
            ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Ties in start time go by id.</summary>
    public Task<IReadOnlyList<RoundRecord>> ListOpenRoundsAsync(CommunityId community, CancellationToken ct) =>
        ReadRoundsAsync(
            $"""
            WITH picked AS (
                SELECT community_id, round_id, NULL AS group_id FROM rounds
                WHERE community_id = @community AND ends_at IS NOT NULL AND closed_at IS NULL)
            {RoundRows}
            ORDER BY r.started_at, r.round_id, g.position, gm.position
            """,
            [("community", community.Value)],
            ct);

    /// <summary>Ties in start time go by id; the columns are <see cref="RoundRows"/>' round columns, where <see cref="ReadRound"/> reads them.</summary>
    public Task<IReadOnlyList<Round>> ListOpenRoundsWithoutGroupsAsync(CommunityId community, CancellationToken ct) =>
        QueryAsync(
            """
            SELECT r.community_id, r.round_id, r.started_at, r.group_size, r.mode, r.seed,
                   r.ends_at, r.nudged_at, r.check_in_at, r.reasked_at, r.closed_at,
                   NULL, NULL, NULL, r.version
            FROM rounds r
            WHERE r.community_id = @community AND r.ends_at IS NOT NULL AND r.closed_at IS NULL
            ORDER BY r.started_at, r.round_id
            """,
            [("community", community.Value)],
            ReadRound,
            ct);

    public async Task<RoundRecord?> FindGroupAsync(CommunityId community, GroupId group, CancellationToken ct) =>
        (await ReadRoundsAsync(
            $"""
            WITH picked AS (
                SELECT community_id, round_id, group_id FROM round_groups
                WHERE community_id = @community AND group_id = @group)
            {RoundRows}
            ORDER BY gm.position
            """,
            [("community", community.Value), ("group", group.Value)],
            ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The round's key and phase times: what <see cref="SaveRoundAsync"/> writes first and the lifecycle updates.</summary>
    private static (string, object?)[] PhaseParameters(Round round) =>
    [
        ("community", round.Community.Value),
        ("round", round.Id.Value),
        ("ends_at", round.EndsAt),
        ("nudged_at", round.NudgedAt),
        ("check_in_at", round.CheckInAt),
        ("reasked_at", round.ReaskedAt),
        ("closed_at", round.ClosedAt),
    ];

    private static async Task InsertGroupAsync(
        StoreSession transaction, string community, RoundId round, Group group, int position, CancellationToken ct)
    {
        await transaction.ExecuteAsync(
            """
            INSERT INTO round_groups (community_id, group_id, round_id, position, outcome)
            VALUES (@community, @group, @round, @position, @outcome)
            """, [("community", community), ("group", group.Id.Value), ("round", round.Value), ("position", position), ("outcome", group.Outcome.ToString())],
            ct).ConfigureAwait(false);

        for (var m = 0; m < group.Members.Count; m++)
        {
            await transaction.ExecuteAsync(
                "INSERT INTO group_members (community_id, group_id, member_id, position) VALUES (@community, @group, @member, @position)", [("community", community), ("group", group.Id.Value), ("member", group.Members[m].Value), ("position", m)],
                ct).ConfigureAwait(false);
        }
    }

    private static Round ReadRound(StoredRow r) =>
        new(new CommunityId(r.GetString(0)), new RoundId(r.GetString(1)), r.GetInstant(2), r.GetInt32(3), r.GetEnum<PairingMode>(4), r.GetInt64(5))
        {
            EndsAt = r.GetNullableInstant(6),
            NudgedAt = r.GetNullableInstant(7),
            CheckInAt = r.GetNullableInstant(8),
            ReaskedAt = r.GetNullableInstant(9),
            ClosedAt = r.GetNullableInstant(10),
            Version = r.GetInt32(14),
        };

    /// <summary>Runs a query that defines <c>picked</c> followed by <see cref="RoundRows"/>, and folds its contiguous rows back into rounds with their groups.</summary>
    private async Task<IReadOnlyList<RoundRecord>> ReadRoundsAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        // Every row repeats its round's columns (one row per group member): the round is read once, when its id changes,
        // instead of parsing its six instants again for each of a large round's thousands of rows.
        Round? current = null;
        var rows = await QueryAsync(
            sql,
            parameters,
            r => (
                Round: current is { } same && same.Id.Value == r.GetString(1) && same.Community.Value == r.GetString(0) ? same : current = ReadRound(r),
                Group: r.IsDBNull(11) ? (GroupId?)null : new GroupId(r.GetString(11)),
                Outcome: r.IsDBNull(12) ? MeetingOutcome.Unknown : r.GetEnum<MeetingOutcome>(12),
                Member: r.IsDBNull(13) ? (MemberId?)null : new MemberId(r.GetString(13)),
                GroupVersion: r.IsDBNull(15) ? 0 : r.GetInt32(15)),
            ct).ConfigureAwait(false);

        var rounds = new List<(Round Round, List<(GroupId Id, MeetingOutcome Outcome, int Version, List<MemberId> Members)> Groups)>();
        foreach (var row in rows)
        {
            // Round ids are unique within a community only: the cross-community list needs both to tell rounds apart.
            if (rounds.Count == 0 || rounds[^1].Round.Id != row.Round.Id || rounds[^1].Round.Community != row.Round.Community)
            {
                rounds.Add((row.Round, []));
            }

            var groups = rounds[^1].Groups;
            if (row.Group is { } group && (groups.Count == 0 || groups[^1].Id != group))
            {
                groups.Add((group, row.Outcome, row.GroupVersion, []));
            }

            if (row.Member is { } member)
            {
                groups[^1].Members.Add(member);
            }
        }

        return [.. rounds.Select(r => new RoundRecord(r.Round, [.. r.Groups.Select(g => new Group(r.Round.Id, g.Id, g.Members, g.Outcome) { Version = g.Version })]))];
    }
}
