using Microsoft.Data.Sqlite;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Platform;

namespace NetworkBot.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// One row per group member (a group without members, or a round without groups, still gives one row),
    /// ordered so that each round's rows, and each group's rows within it, are contiguous.
    /// </summary>
    private const string RoundRows = """
        SELECT r.round_id, r.started_at, r.group_size, r.mode, r.seed, g.group_id, g.outcome, gm.member_id
        FROM picked p
        JOIN rounds r ON r.community_id = $community AND r.round_id = p.round_id
        LEFT JOIN round_groups g ON g.community_id = $community AND g.round_id = r.round_id AND (p.group_id IS NULL OR g.group_id = p.group_id)
        LEFT JOIN group_members gm ON gm.community_id = $community AND gm.group_id = g.group_id
        """;

    public Task SaveRoundAsync(RoundRecord round, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(messages);
        var community = round.Round.Community.Value;
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO rounds (community_id, round_id, started_at, group_size, mode, seed)
                    VALUES ($community, $round, $started_at, $group_size, $mode, $seed)
                    """,
                    transaction,
                    [
                        ("$community", community),
                        ("$round", round.Round.Id.Value),
                        ("$started_at", SqliteValues.Instant(round.Round.StartedAt)),
                        ("$group_size", round.Round.GroupSize),
                        ("$mode", round.Round.Mode.ToString()),
                        ("$seed", round.Round.Seed),
                    ],
                    ct).ConfigureAwait(false);

                for (var g = 0; g < round.Groups.Count; g++)
                {
                    await InsertGroupAsync(connection, transaction, community, round.Round.Id, round.Groups[g], g, ct).ConfigureAwait(false);
                }

                await InsertOutboxAsync(connection, transaction, messages, ct).ConfigureAwait(false);
                await connection.ExecuteAsync(
                    "UPDATE members SET coffee_skip_next = 0 WHERE community_id = $community AND coffee_joined = 1 AND coffee_skip_next = 1",
                    transaction,
                    [("$community", community)],
                    ct).ConfigureAwait(false);
            },
            ct);
    }

    public Task<IReadOnlyList<RoundRecord>> ListRoundsAsync(CommunityId community, int limit, CancellationToken ct) =>
        ReadRoundsAsync(
            community,
            limit,
            $"""
            WITH picked AS (
                SELECT round_id, NULL AS group_id FROM rounds
                WHERE community_id = $community
                ORDER BY started_at DESC, round_id DESC
                LIMIT $limit)
            {RoundRows}
            ORDER BY r.started_at, r.round_id, g.position, gm.position
            """,
            [],
            ct);

    public Task<IReadOnlyList<RoundRecord>> ListMemberRoundsAsync(CommunityId community, MemberId member, int limit, CancellationToken ct) =>
        ReadRoundsAsync(
            community,
            limit,
            $"""
            WITH picked AS (
                SELECT g.round_id, g.group_id
                FROM group_members gm
                JOIN round_groups g ON g.community_id = gm.community_id AND g.group_id = gm.group_id
                JOIN rounds r ON r.community_id = g.community_id AND r.round_id = g.round_id
                WHERE gm.community_id = $community AND gm.member_id = $member
                ORDER BY r.started_at DESC, r.round_id DESC
                LIMIT $limit)
            {RoundRows}
            ORDER BY r.started_at DESC, r.round_id DESC, g.position, gm.position
            """,
            [("$member", member.Value)],
            ct);

    private static async Task InsertGroupAsync(
        SqliteConnection connection, SqliteTransaction transaction, string community, RoundId round, Group group, int position, CancellationToken ct)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO round_groups (community_id, group_id, round_id, position, outcome)
            VALUES ($community, $group, $round, $position, $outcome)
            """,
            transaction,
            [("$community", community), ("$group", group.Id.Value), ("$round", round.Value), ("$position", position), ("$outcome", group.Outcome.ToString())],
            ct).ConfigureAwait(false);

        for (var m = 0; m < group.Members.Count; m++)
        {
            await connection.ExecuteAsync(
                "INSERT INTO group_members (community_id, group_id, member_id, position) VALUES ($community, $group, $member, $position)",
                transaction,
                [("$community", community), ("$group", group.Id.Value), ("$member", group.Members[m].Value), ("$position", m)],
                ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a query that defines <c>picked</c> (the rounds, and optionally the one group of each, to return)
    /// followed by <see cref="RoundRows"/>, and folds its contiguous rows back into rounds with their groups.
    /// </summary>
    private async Task<IReadOnlyList<RoundRecord>> ReadRoundsAsync(
        CommunityId community, int limit, string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        if (limit <= 0)
        {
            return [];
        }

        var rows = await QueryAsync(
            sql,
            [("$community", community.Value), ("$limit", limit), .. parameters],
            r => (
                Round: new Round(community, new RoundId(r.GetString(0)), r.GetInstant(1), r.GetInt32(2), r.GetEnum<PairingMode>(3), r.GetInt64(4)),
                Group: r.IsDBNull(5) ? (GroupId?)null : new GroupId(r.GetString(5)),
                Outcome: r.IsDBNull(6) ? MeetingOutcome.Unknown : r.GetEnum<MeetingOutcome>(6),
                Member: r.IsDBNull(7) ? (MemberId?)null : new MemberId(r.GetString(7))),
            ct).ConfigureAwait(false);

        var rounds = new List<(Round Round, List<(GroupId Id, MeetingOutcome Outcome, List<MemberId> Members)> Groups)>();
        foreach (var row in rows)
        {
            if (rounds.Count == 0 || rounds[^1].Round.Id != row.Round.Id)
            {
                rounds.Add((row.Round, []));
            }

            var groups = rounds[^1].Groups;
            if (row.Group is { } group && (groups.Count == 0 || groups[^1].Id != group))
            {
                groups.Add((group, row.Outcome, []));
            }

            if (row.Member is { } member)
            {
                groups[^1].Members.Add(member);
            }
        }

        return [.. rounds.Select(r => new RoundRecord(r.Round, [.. r.Groups.Select(g => new Group(r.Round.Id, g.Id, g.Members, g.Outcome))]))];
    }
}
