using LiteDB;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// A connection is one document per pair, <c>member_a</c> ordinally before <c>member_b</c> (<see cref="Connection.Between"/>),
/// keyed by community, <c>member_a</c> and <c>member_b</c>: a member's connections as <c>member_a</c> are one range of the
/// <c>_id</c> index, those as <c>member_b</c> come by its index. Two members who both ask to connect after an event
/// (<c>event_connects</c>) get a connection the same way.
/// </remarks>
public sealed partial class LiteDbStore
{
    /// <summary>Connections made at the same instant come by member ids, so the order is stable.</summary>
    public Task<IReadOnlyList<Connection>> ListConnectionsAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Connection>>(
            db =>
            {
                var asA = WithKeyPrefix(db, LiteDbCollections.Connections, community.Value, member.Value);
                var asB = Collection(db, LiteDbCollections.Connections).Find(LiteDbQuery.Equal("member_b", member.Value))
                    .Where(d => d.GetRequiredText("community_id") == community.Value);
                return [.. asA.Concat(asB)
                    .DistinctBy(d => d["_id"].AsString, StringComparer.Ordinal)
                    .Select(d => new Connection(community, new MemberId(d.GetRequiredText("member_a")), new MemberId(d.GetRequiredText("member_b")), d.GetInstant("since")))
                    .OrderByDescending(c => c.Since)
                    .ThenBy(c => c.A.Value, StringComparer.Ordinal)
                    .ThenBy(c => c.B.Value, StringComparer.Ordinal)];
            },
            ct);

    public Task<IReadOnlyList<Connection>> ListCommunityConnectionsAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Connection>>(
            db => [.. InCommunity(db, LiteDbCollections.Connections, community)
                .Select(d => new Connection(community, new MemberId(d.GetRequiredText("member_a")), new MemberId(d.GetRequiredText("member_b")), d.GetInstant("since")))
                .OrderBy(c => c.Since)
                .ThenBy(c => c.A.Value, StringComparer.Ordinal)
                .ThenBy(c => c.B.Value, StringComparer.Ordinal)],
            ct);

    /// <summary>One range of the <c>since_key</c> index: the community's connections from <paramref name="since"/> on, and no other.</summary>
    public Task<int> CountConnectionsSinceAsync(CommunityId community, DateTimeOffset since, CancellationToken ct) =>
        ReadAsync(
            db => Collection(db, LiteDbCollections.Connections).Count(
                LiteDbQuery.Between("since_key", SinceKey(community.Value, TextValues.Instant(since)), LiteDbKey.Of(community.Value) + char.MaxValue)),
            ct);

    /// <summary>
    /// A connection's <c>since_key</c>: its community (as <see cref="LiteDbKey"/> writes it, length first, so no community's
    /// key begins another's) followed by its <c>since</c> text, which sorts as the instants do. A community's connections
    /// from a time on are then one range of one index; <c>since</c> alone would range over every community's.
    /// </summary>
    internal static string SinceKey(string community, string since) => LiteDbKey.Of(community) + since;

    /// <summary>
    /// Presses take turns on the writer thread, so of two members pressing each other at once the second always sees the
    /// first's press. The event must be the community's, as the SQL's foreign key requires.
    /// </summary>
    public Task<bool> WishConnectionAsync(CommunityId community, EventId ev, MemberId from, MemberId to, DateTimeOffset at, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                if (Collection(db, LiteDbCollections.Events).FindById(LiteDbKey.Of(community.Value, ev.Value)) is null)
                {
                    throw new LiteDbIntegrityException($"Community {community} has no event {ev} to connect at.");
                }

                var connects = Collection(db, LiteDbCollections.EventConnects);
                var key = LiteDbKey.Of(community.Value, ev.Value, from.Value, to.Value);
                if (connects.FindById(key) is null)
                {
                    connects.Insert(new BsonDocument
                    {
                        ["_id"] = key,
                        ["community_id"] = LiteDbValues.Text(community.Value),
                        ["event_id"] = LiteDbValues.Text(ev.Value),
                        ["from_member"] = LiteDbValues.Text(from.Value),
                        ["to_member"] = LiteDbValues.Text(to.Value),
                        ["pressed_at"] = LiteDbValues.Instant(at),
                    });
                }

                var mutual = connects.FindById(LiteDbKey.Of(community.Value, ev.Value, to.Value, from.Value)) is not null;
                if (mutual)
                {
                    InsertConnections(db, community, [Connection.Between(community, from, to, at)]);
                }

                return mutual;
            },
            ct);

    /// <summary>
    /// Inside a write: adds the pairs not stored yet; a stored pair keeps its first date. The pair is put in stored order
    /// here too, so a caller that skipped <see cref="Connection.Between"/> cannot store a pair twice; a member paired with
    /// themself is what the SQL's check refuses.
    /// </summary>
    private static void InsertConnections(LiteDatabase db, CommunityId community, IReadOnlyList<Connection> connections)
    {
        var stored = Collection(db, LiteDbCollections.Connections);
        foreach (var given in connections)
        {
            var pair = Connection.Between(community, given.A, given.B, given.Since);
            if (pair.A == pair.B)
            {
                throw new LiteDbIntegrityException($"Member {pair.A} of {community} cannot be connected to themself.");
            }

            var key = LiteDbKey.Of(community.Value, pair.A.Value, pair.B.Value);
            if (stored.FindById(key) is null)
            {
                stored.Insert(new BsonDocument
                {
                    ["_id"] = key,
                    ["community_id"] = LiteDbValues.Text(community.Value),
                    ["member_a"] = LiteDbValues.Text(pair.A.Value),
                    ["member_b"] = LiteDbValues.Text(pair.B.Value),
                    ["since"] = LiteDbValues.Instant(pair.Since),
                    ["since_key"] = SinceKey(community.Value, TextValues.Instant(pair.Since)),
                });
            }
        }
    }
}
