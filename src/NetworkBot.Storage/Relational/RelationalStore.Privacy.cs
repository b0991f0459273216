using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Privacy;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// The tables that can hold a member's id or name, and what an erasure does to each: <c>members</c>, <c>blocks</c> (both
/// ways), <c>pair_wishes</c> (both ways), <c>interest_members</c>, <c>rsvps</c>, <c>event_connects</c> (both ways) and the
/// dashboard's <c>dashboard_sign_in_links</c> and <c>dashboard_sessions</c> lose their rows, as do the <c>asks</c> they
/// made (with their <c>ask_candidates</c>) and their candidate rows in others' open asks; <c>group_members</c>,
/// <c>group_answers</c>, <c>event_attendees</c>, <c>connections</c>, <c>events.created_by</c>, <c>asks.introduced_to</c> and
/// their other candidate rows get the placeholder, so groups, answers counted, attendance, others' connections and the
/// managers' figures of introductions stay as they were; <c>communities.managers</c> loses the id;
/// the <c>outbox</c> as <see cref="MemberErasure.Outbox"/> decides. <c>rounds</c>, <c>round_groups</c>, <c>interests</c>,
/// <c>coffee_schedules</c>, <c>platform_state</c> and <c>data_protection_keys</c> hold no member.
/// </remarks>
public abstract partial class RelationalStore
{
    /// <summary>The tables whose rows about the member go, by the columns that name them.</summary>
    private static readonly (string Table, string[] Columns)[] ErasedRows =
    [
        ("members", ["member_id"]),
        ("blocks", ["blocker_id", "blocked_id"]),
        ("pair_wishes", ["member_id", "other_id"]),
        ("interest_members", ["member_id"]),
        ("rsvps", ["member_id"]),
        ("event_connects", ["from_member", "to_member"]),
        ("dashboard_sign_in_links", ["manager_id"]),
        ("dashboard_sessions", ["manager_id"]),
        ("asks", ["asker"]),
    ];

    /// <summary>The columns where the placeholder takes the member's place.</summary>
    private static readonly (string Table, string Column)[] ReplacedColumns =
    [
        ("group_members", "member_id"),
        ("group_answers", "member_id"),
        ("event_attendees", "member_id"),
        ("events", "created_by"),
        ("asks", "introduced_to"),
        ("ask_candidates", "member_id"),
    ];

    /// <summary>The outbox's columns that hold text a message may name a member in.</summary>
    private static readonly string[] OutboxTextColumns = ["target", "key", "reply", "progress", "last_error"];

    /// <summary>
    /// What a member's export reads of the tables a large community has most rows in: only those
    /// <see cref="MemberExportRows"/> can choose (the member's groups and everyone in them, their answers, connections,
    /// event answers and attendance, the messages whose target names them). The other tables are read whole for the
    /// community, as the rule reads them (the members for the names of the others).
    /// </summary>
    private static readonly Dictionary<string, string> MemberExportNarrowing = new(StringComparer.Ordinal)
    {
        ["community"] = "1 = 0",
        ["coffeeSchedule"] = "1 = 0",
        ["groupMembers"] = "group_id IN (SELECT g.group_id FROM group_members g WHERE g.community_id = @community AND g.member_id = @member)",
        ["roundGroups"] = "group_id IN (SELECT g.group_id FROM group_members g WHERE g.community_id = @community AND g.member_id = @member)",
        ["groupAnswers"] = "member_id = @member",
        ["connections"] = "member_a = @member OR member_b = @member",
        ["rsvps"] = "member_id = @member",
        ["eventAttendees"] = "member_id = @member",
        ["eventConnects"] = "from_member = @member",
        ["outbox"] = "target LIKE @target ESCAPE '\\'",
        ["asks"] = "asker = @member OR ask_id IN (SELECT c.ask_id FROM ask_candidates c WHERE c.community_id = @community AND c.member_id = @member)",
        ["askCandidates"] = "member_id = @member OR ask_id IN (SELECT a.ask_id FROM asks a WHERE a.community_id = @community AND a.asker = @member)",
    };

    /// <summary>
    /// The community's rows <see cref="MemberExportRows"/> chooses from, read in one snapshot (so they agree with each
    /// other), the large tables narrowed to the member (<see cref="MemberExportNarrowing"/>).
    /// </summary>
    public async Task<MemberExport?> ExportMemberAsync(CommunityId community, MemberId member, CancellationToken ct)
    {
        await using var transaction = await BeginAsync(TransactionKind.Snapshot, ct).ConfigureAwait(false);
        var tables = await ReadExportTablesAsync(
            transaction,
            [("community", community.Value), ("member", member.Value), ("target", Like(member.Value))],
            table => MemberExportNarrowing.GetValueOrDefault(table.Name),
            ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return MemberExportRows.Select(new CommunityExport(community, tables), member);
    }

    public async Task<bool> EraseMemberAsync(CommunityId community, MemberId member, MemberId placeholder, CancellationToken ct)
    {
        var changed = 0;
        await InTransactionAsync(
            async transaction =>
            {
                changed = 0;
                (string, object?)[] key = [("community", community.Value), ("member", member.Value), ("placeholder", placeholder.Value)];
                var name = (await transaction.QueryAsync(
                    $"SELECT display_name FROM members WHERE community_id = @community AND member_id = @member{Dialect.RowLock}",
                    key,
                    r => r.GetString(0),
                    ct).ConfigureAwait(false)).FirstOrDefault();
                var erasure = new MemberErasure(member, name, placeholder);
                foreach (var (table, columns) in ErasedRows)
                {
                    changed += await transaction.ExecuteAsync(
                        $"DELETE FROM {table} WHERE community_id = @community AND ({string.Join(" OR ", columns.Select(c => $"{c} = @member"))})",
                        key,
                        ct).ConfigureAwait(false);
                }

                // Not asked again: their place among the candidates of others' open asks goes (the asks they made went with
                // their candidates, by the foreign key); where they were asked before, or introduced, the placeholder stays.
                changed += await transaction.ExecuteAsync(
                    $"""
                    DELETE FROM ask_candidates WHERE community_id = @community AND member_id = @member
                        AND ask_id IN (SELECT a.ask_id FROM asks a WHERE a.community_id = @community AND a.status = '{nameof(AskStatus.Open)}')
                    """,
                    key,
                    ct).ConfigureAwait(false);
                foreach (var (table, column) in ReplacedColumns)
                {
                    changed += await transaction.ExecuteAsync(
                        $"UPDATE {table} SET {column} = @placeholder WHERE community_id = @community AND {column} = @member", key, ct).ConfigureAwait(false);
                }

                changed += await ReplaceInConnectionsAsync(transaction, community, erasure, ct).ConfigureAwait(false);
                changed += await RemoveFromManagersAsync(transaction, community, erasure, ct).ConfigureAwait(false);
                changed += await EraseFromOutboxAsync(transaction, community, erasure, ct).ConfigureAwait(false);
            },
            ct).ConfigureAwait(false);
        return changed > 0;
    }

    public Task<IReadOnlyList<Leaver>> ListLeaversAsync(CancellationToken ct) =>
        QueryAsync(
            "SELECT community_id, member_id, left_at FROM members WHERE left_at IS NOT NULL ORDER BY left_at, community_id, member_id",
            [],
            r => new Leaver(new CommunityId(r.GetString(0)), new MemberId(r.GetString(1)), r.GetInstant(2)),
            ct);

    /// <summary>Each connection of the member, made again with the placeholder, the pair in the order <see cref="MemberErasure.Pair"/> gives.</summary>
    private static async Task<int> ReplaceInConnectionsAsync(StoreSession transaction, CommunityId community, MemberErasure erasure, CancellationToken ct)
    {
        (string, object?)[] key = [("community", community.Value), ("member", erasure.Member.Value)];
        const string Mine = "community_id = @community AND (member_a = @member OR member_b = @member)";
        var connections = await transaction.QueryAsync(
            $"SELECT member_a, member_b, since FROM connections WHERE {Mine}",
            key,
            r => (Pair: erasure.Pair(r.GetString(0), r.GetString(1)), Since: r.GetInstant(2)),
            ct).ConfigureAwait(false);
        if (connections.Count == 0)
        {
            return 0;
        }

        await transaction.ExecuteAsync($"DELETE FROM connections WHERE {Mine}", key, ct).ConfigureAwait(false);
        await InsertRowsAsync(
            transaction,
            "connections",
            ["community_id", "member_a", "member_b", "since"],
            [.. connections.Select(c => new object?[] { community.Value, c.Pair.A, c.Pair.B, c.Since })],
            "",
            ct).ConfigureAwait(false);
        return connections.Count;
    }

    private async Task<int> RemoveFromManagersAsync(StoreSession transaction, CommunityId community, MemberErasure erasure, CancellationToken ct)
    {
        (string, object?)[] key = [("community", community.Value)];
        var managers = (await transaction.QueryAsync(
            $"SELECT managers FROM communities WHERE community_id = @community{Dialect.RowLock}", key, r => r.GetString(0), ct).ConfigureAwait(false))
            .FirstOrDefault();
        if (managers is null || !erasure.IsListedIn(managers))
        {
            return 0;
        }

        return await transaction.ExecuteAsync(
            "UPDATE communities SET managers = @managers WHERE community_id = @community",
            [("community", community.Value), ("managers", new JsonText(erasure.Without(managers)))],
            ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The outbox rows of the community whose text may name the member (their id anywhere, their name in the message or its
    /// bookkeeping), each deleted or rewritten as <see cref="MemberErasure.Outbox"/> decides.
    /// </summary>
    private static async Task<int> EraseFromOutboxAsync(
        StoreSession transaction, CommunityId community, MemberErasure erasure, CancellationToken ct)
    {
        var parameters = new List<(string Name, object? Value)> { ("community", community.Value) };
        var conditions = new List<string>();
        foreach (var (needle, i) in erasure.Needles.Select((n, i) => (n, i)))
        {
            parameters.Add(($"n{i}", Like(needle)));
            conditions.AddRange(OutboxTextColumns.Select(c => $"{c} LIKE @n{i} ESCAPE '\\'"));
        }

        var rows = await transaction.QueryAsync(
            $"SELECT id, target, key, reply, progress, last_error, delivered_at FROM outbox WHERE community_id = @community AND ({string.Join(" OR ", conditions)})",
            parameters,
            r => (Id: r.GetInt64(0), Text: new OutboxText(r.GetString(1), r.GetString(2), r.GetString(3), r.GetNullableString(4), r.GetNullableString(5)), Delivered: !r.IsDBNull(6)),
            ct).ConfigureAwait(false);
        var changed = 0;
        foreach (var (id, text, delivered) in rows)
        {
            var after = erasure.Outbox(text, delivered);
            if (after == text)
            {
                continue;
            }

            changed += after is null
                ? await transaction.ExecuteAsync("DELETE FROM outbox WHERE id = @id", [("id", id)], ct).ConfigureAwait(false)
                : await transaction.ExecuteAsync(
                    "UPDATE outbox SET target = @target, key = @key, reply = @reply, progress = @progress, last_error = @last_error WHERE id = @id",
                    [("id", id), ("target", after.Target), ("key", after.Key), ("reply", after.Reply), ("progress", after.Progress), ("last_error", after.LastError)],
                    ct).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>A LIKE pattern, its wildcards escaped by a backslash, for text that holds <paramref name="text"/> anywhere.</summary>
    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
