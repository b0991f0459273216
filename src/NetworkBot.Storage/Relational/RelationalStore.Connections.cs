using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Storage.Relational;

/// <remarks>
/// A connection is one row per pair, with <c>member_a</c> ordinally before <c>member_b</c>
/// (<see cref="Connection.Between"/>), so the pair is found whichever member asks and is never stored twice.
/// Two members who both ask to connect after an event (<c>event_connects</c>) get a connection the same way.
/// </remarks>
public abstract partial class RelationalStore
{
    /// <summary>Connections made at the same instant come by member ids, so the order is stable.</summary>
    public Task<IReadOnlyList<Connection>> ListConnectionsAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        QueryAsync(
            """
            SELECT member_a, member_b, since FROM connections
            WHERE community_id = @community AND (member_a = @member OR member_b = @member)
            ORDER BY since DESC, member_a, member_b
            """,
            [("community", community.Value), ("member", member.Value)],
            r => new Connection(community, new MemberId(r.GetString(0)), new MemberId(r.GetString(1)), r.GetInstant(2)),
            ct);

    /// <summary>In the order of the <c>connections_by_since</c> index, so the database reads the community's range without sorting it.</summary>
    public Task<IReadOnlyList<Connection>> ListCommunityConnectionsAsync(CommunityId community, CancellationToken ct) =>
        QueryAsync(
            "SELECT member_a, member_b, since FROM connections WHERE community_id = @community ORDER BY since, member_a, member_b",
            [("community", community.Value)],
            r => new Connection(community, new MemberId(r.GetString(0)), new MemberId(r.GetString(1)), r.GetInstant(2)),
            ct);

    public async Task<int> CountConnectionsSinceAsync(CommunityId community, DateTimeOffset since, CancellationToken ct) =>
        (await QueryAsync(
            "SELECT CAST(COUNT(*) AS integer) FROM connections WHERE community_id = @community AND since >= @since",
            [("community", community.Value), ("since", since)],
            r => r.GetInt32(0),
            ct).ConfigureAwait(false))[0];

    public async Task<bool> WishConnectionAsync(CommunityId community, EventId ev, MemberId from, MemberId to, DateTimeOffset at, CancellationToken ct)
    {
        var connected = false;
        await InTransactionAsync(
            async transaction =>
            {
                (string, object?)[] key = [("community", community.Value), ("event", ev.Value), ("from", from.Value), ("to", to.Value)];

                // Presses at one event take turns on its row: two members pressing each other at once would otherwise
                // each miss the other's uncommitted press, and neither would make the connection.
                await LockRowsAsync(
                    transaction, "SELECT 1 FROM events WHERE community_id = @community AND event_id = @event", key, ct).ConfigureAwait(false);
                await transaction.ExecuteAsync(
                    """
                    INSERT INTO event_connects (community_id, event_id, from_member, to_member, pressed_at)
                    VALUES (@community, @event, @from, @to, @at)
                    ON CONFLICT DO NOTHING
                    """, [.. key, ("at", at)],
                    ct).ConfigureAwait(false);
                var mutual = await transaction.QueryAsync(
                    "SELECT 1 FROM event_connects WHERE community_id = @community AND event_id = @event AND from_member = @to AND to_member = @from", key,
                    r => r.GetInt32(0),
                    ct).ConfigureAwait(false);
                connected = mutual.Count == 1;
                if (connected)
                {
                    await InsertConnectionsAsync(transaction, community, [Connection.Between(community, from, to, at)], ct).ConfigureAwait(false);
                }
            },
            ct).ConfigureAwait(false);
        return connected;
    }

    /// <summary>
    /// Adds the pairs not stored yet; a stored pair keeps its first date. The pair is put in stored order
    /// here too, so a caller that skipped <see cref="Connection.Between"/> cannot store a pair twice.
    /// </summary>
    private static async Task InsertConnectionsAsync(
        StoreSession transaction, CommunityId community, IReadOnlyList<Connection> connections, CancellationToken ct)
    {
        foreach (var given in connections)
        {
            CommunityScope.Require(community, given.Community, nameof(connections));
            var pair = Connection.Between(community, given.A, given.B, given.Since);
            await transaction.ExecuteAsync(
                """
                INSERT INTO connections (community_id, member_a, member_b, since) VALUES (@community, @a, @b, @since)
                ON CONFLICT (community_id, member_a, member_b) DO NOTHING
                """, [("community", community.Value), ("a", pair.A.Value), ("b", pair.B.Value), ("since", pair.Since)],
                ct).ConfigureAwait(false);
        }
    }
}
