using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Privacy;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// The same erasure as the SQL providers' (<see cref="Relational.RelationalStore"/>'s privacy part), collection by
/// collection, in one write: a document whose member field is replaced is made again under the <c>_id</c> its new key
/// gives (<see cref="LiteDbKey"/>: the community, then the key fields), as the store itself would have written it.
/// A community's documents are one range of <c>_id</c> (<see cref="LiteDbQuery.KeyPrefix"/>), searched whole: an erasure
/// is rare, and one way through every collection misses none.
/// </remarks>
public sealed partial class LiteDbStore
{
    /// <summary>The collections whose documents about the member go, by the fields that name them and how those are found.</summary>
    private static readonly (string Collection, string Field, Lookup Lookup)[] ErasedDocuments =
    [
        (LiteDbCollections.Members, "member_id", Lookup.KeyPrefix),
        (LiteDbCollections.Blocks, "blocker_id", Lookup.KeyPrefix),
        (LiteDbCollections.Blocks, "blocked_id", Lookup.Community),
        (LiteDbCollections.PairWishes, "member_id", Lookup.KeyPrefix),
        (LiteDbCollections.PairWishes, "other_id", Lookup.Community),
        (LiteDbCollections.InterestMembers, "member_id", Lookup.FieldIndex),
        (LiteDbCollections.Rsvps, "member_id", Lookup.MemberKey),
        (LiteDbCollections.EventConnects, "from_member", Lookup.Community),
        (LiteDbCollections.EventConnects, "to_member", Lookup.Community),
    ];

    /// <summary>
    /// The collections where the placeholder takes the member's place: the field, how it is found, and the key fields of
    /// the <c>_id</c>. A connection is found by either of its two fields, and its pair ordered again.
    /// </summary>
    private static readonly (string Collection, string Field, Lookup Lookup, string[] Key)[] ReplacedDocuments =
    [
        (LiteDbCollections.GroupMembers, "member_id", Lookup.FieldIndex, ["group_id", "member_id"]),
        (LiteDbCollections.GroupAnswers, "member_id", Lookup.FieldIndex, ["group_id", "member_id"]),
        (LiteDbCollections.EventAttendees, "member_id", Lookup.Community, ["event_id", "occurrence", "member_id"]),
        (LiteDbCollections.Events, "created_by", Lookup.Community, ["event_id"]),
        (LiteDbCollections.Connections, "member_a", Lookup.KeyPrefix, ["member_a", "member_b"]),
        (LiteDbCollections.Connections, "member_b", Lookup.FieldIndex, ["member_a", "member_b"]),
    ];

    /// <summary>
    /// How the documents naming a member are found without reading a whole large collection: the <c>_id</c> range of the
    /// community and member (their first key field), the field's own index, the answers' <c>member_key</c> index, or — for
    /// the collections a community has few documents in (blocks, wishes, event connects and attendance, events) — the
    /// community's range.
    /// </summary>
    private enum Lookup
    {
        KeyPrefix,
        FieldIndex,
        MemberKey,
        Community,
    }

    /// <summary>The dashboard's collections, keyed by their token's hash: a community's manager's documents are found by field.</summary>
    private static readonly string[] DashboardCollections = [LiteDbCollections.DashboardSignInLinks, LiteDbCollections.DashboardSessions];

    /// <summary>
    /// The community's documents <see cref="MemberExportRows"/> chooses from, in one read on the writer thread (one state
    /// of the file, as <see cref="ExportCommunityAsync"/>), the large collections narrowed to the member by their indexes
    /// (<see cref="MemberDocuments"/>).
    /// </summary>
    public Task<MemberExport?> ExportMemberAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        ReadAsync(
            db => MemberExportRows.Select(
                new CommunityExport(community, ExportTables(db, table => MemberDocuments(db, table, community, member) ?? Documents(db, table, community))),
                member),
            ct);

    public Task<bool> EraseMemberAsync(CommunityId community, MemberId member, MemberId placeholder, CancellationToken ct) =>
        WriteAsync(
            db =>
            {
                var name = Collection(db, LiteDbCollections.Members).FindById(LiteDbKey.Of(community.Value, member.Value))?.GetText("display_name");
                var erasure = new MemberErasure(member, name, placeholder);
                var changed = 0;
                foreach (var (collection, field, lookup) in ErasedDocuments)
                {
                    foreach (var document in Naming(db, collection, field, lookup, community, member))
                    {
                        changed += Collection(db, collection).Delete(document["_id"]) ? 1 : 0;
                    }
                }

                foreach (var collection in DashboardCollections)
                {
                    changed += Collection(db, collection).DeleteMany(LiteDbQuery.Equal("community_id", community.Value, "manager_id", member.Value));
                }

                foreach (var (collection, field, lookup, key) in ReplacedDocuments)
                {
                    foreach (var document in Naming(db, collection, field, lookup, community, member))
                    {
                        Collection(db, collection).Delete(document["_id"]);
                        Collection(db, collection).Insert(Replaced(document, collection, field, community, erasure, key));
                        changed++;
                    }
                }

                changed += EraseFromAsks(db, community, erasure);
                changed += RemoveFromManagers(db, community, erasure);
                changed += EraseFromOutbox(db, community, erasure);
                return changed > 0;
            },
            ct);

    public Task<IReadOnlyList<Leaver>> ListLeaversAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Leaver>>(
            db => [.. Collection(db, LiteDbCollections.Members).Find(LiteDbQuery.Greater("left_at", BsonValue.Null))
                .Select(d => new Leaver(new CommunityId(d.GetRequiredText("community_id")), new MemberId(d.GetRequiredText("member_id")), d.GetInstant("left_at")))
                .OrderBy(l => l.LeftAt)
                .ThenBy(l => l.Community.Value, StringComparer.Ordinal)
                .ThenBy(l => l.Member.Value, StringComparer.Ordinal)],
            ct);

    /// <summary>
    /// The documents of <paramref name="table"/> a member's export can choose, found by index where a large community has
    /// many (the member's groups and everyone in them, their answers, connections and event answers); null for the
    /// others, read for the whole community as the rule reads them.
    /// </summary>
    private static IEnumerable<BsonDocument>? MemberDocuments(LiteDatabase db, ExportTable table, CommunityId community, MemberId member)
    {
        IEnumerable<string> Groups() =>
            Naming(db, LiteDbCollections.GroupMembers, "member_id", Lookup.FieldIndex, community, member).Select(d => d.GetRequiredText("group_id"));

        return table.Name switch
        {
            "community" or "coffeeSchedule" => [],
            "groupMembers" => Groups().SelectMany(g => Collection(db, LiteDbCollections.GroupMembers).Find(LiteDbQuery.KeyPrefix(community.Value, g))),
            "roundGroups" => Groups().Select(g => Collection(db, LiteDbCollections.RoundGroups).FindById(LiteDbKey.Of(community.Value, g))).OfType<BsonDocument>(),
            "groupAnswers" => Naming(db, LiteDbCollections.GroupAnswers, "member_id", Lookup.FieldIndex, community, member),
            "connections" => [.. Naming(db, LiteDbCollections.Connections, "member_a", Lookup.KeyPrefix, community, member),
                .. Naming(db, LiteDbCollections.Connections, "member_b", Lookup.FieldIndex, community, member)],
            "rsvps" => Naming(db, LiteDbCollections.Rsvps, "member_id", Lookup.MemberKey, community, member),
            _ => null,
        };
    }

    /// <summary>The community's documents of <paramref name="collection"/> whose <paramref name="field"/> is the member, read whole before any change.</summary>
    private static List<BsonDocument> Naming(LiteDatabase db, string collection, string field, Lookup lookup, CommunityId community, MemberId member)
    {
        var candidates = Collection(db, collection).Find(lookup switch
        {
            Lookup.KeyPrefix => LiteDbQuery.KeyPrefix(community.Value, member.Value),
            Lookup.FieldIndex => LiteDbQuery.Equal(field, member.Value),
            Lookup.MemberKey => LiteDbQuery.Equal("member_key", LiteDbKey.Of(community.Value, member.Value)),
            _ => LiteDbQuery.KeyPrefix(community.Value),
        });
        return [.. candidates.Where(d => d.GetText("community_id") == community.Value && d.GetText(field) == member.Value)];
    }

    /// <summary>
    /// <paramref name="document"/> with the placeholder in <paramref name="field"/> (a connection's pair re-ordered, as
    /// <see cref="MemberErasure.Pair"/> orders it) and the <c>_id</c> its <paramref name="key"/> fields now give.
    /// </summary>
    private static BsonDocument Replaced(BsonDocument document, string collection, string field, CommunityId community, MemberErasure erasure, string[] key)
    {
        if (collection == LiteDbCollections.Connections)
        {
            var (a, b) = erasure.Pair(document.GetRequiredText("member_a"), document.GetRequiredText("member_b"));
            document["member_a"] = a;
            document["member_b"] = b;
        }
        else
        {
            document[field] = erasure.Placeholder.Value;
        }

        document["_id"] = LiteDbKey.Of([community.Value, .. key.Select(document.GetRequiredText)]);
        return document;
    }

    /// <summary>
    /// As the SQL providers do: the asks the member made go with their candidates; their candidate rows in others' open asks
    /// go (they are not asked again); where another's ask introduced them, or asked them before, the placeholder stays.
    /// </summary>
    private static int EraseFromAsks(LiteDatabase db, CommunityId community, MemberErasure erasure)
    {
        var (asks, candidates) = (Collection(db, LiteDbCollections.Asks), Collection(db, LiteDbCollections.AskCandidates));
        var member = erasure.Member;
        var changed = 0;
        foreach (var ask in Naming(db, LiteDbCollections.Asks, "asker", Lookup.MemberKey, community, member))
        {
            changed += candidates.DeleteMany(LiteDbQuery.KeyPrefix(community.Value, ask.GetRequiredText("ask_id")));
            changed += asks.Delete(ask["_id"]) ? 1 : 0;
        }

        foreach (var ask in InCommunity(db, LiteDbCollections.Asks, community).Where(d => d.GetText("introduced_to") == member.Value).ToList())
        {
            ask["introduced_to"] = erasure.Placeholder.Value;
            changed += asks.Update(ask) ? 1 : 0;
        }

        foreach (var candidate in Naming(db, LiteDbCollections.AskCandidates, "member_id", Lookup.MemberKey, community, member))
        {
            changed += candidates.Delete(candidate["_id"]) ? 1 : 0;
            var ask = candidate.GetRequiredText("ask_id");
            if (asks.FindById(LiteDbKey.Of(community.Value, ask))?.GetText("status") != nameof(AskStatus.Open))
            {
                var replaced = Replaced(candidate, LiteDbCollections.AskCandidates, "member_id", community, erasure, ["ask_id", "member_id"]);
                replaced["member_key"] = LiteDbKey.Of(community.Value, erasure.Placeholder.Value);
                candidates.Insert(replaced);
            }
        }

        return changed;
    }

    private static int RemoveFromManagers(LiteDatabase db, CommunityId community, MemberErasure erasure)
    {
        var communities = Collection(db, LiteDbCollections.Communities);
        if (communities.FindById(LiteDbKey.Of(community.Value)) is not { } stored || !erasure.IsListedIn(stored.GetRequiredText("managers")))
        {
            return 0;
        }

        stored["managers"] = LiteDbValues.Json(erasure.Without(stored.GetRequiredText("managers")));
        return communities.Update(stored) ? 1 : 0;
    }

    /// <summary>Each outbox message of the community, deleted or rewritten as <see cref="MemberErasure.Outbox"/> decides.</summary>
    private static int EraseFromOutbox(LiteDatabase db, CommunityId community, MemberErasure erasure)
    {
        var outbox = Collection(db, LiteDbCollections.Outbox);
        var changed = 0;
        foreach (var document in InCommunity(db, LiteDbCollections.Outbox, community).ToList())
        {
            var text = new OutboxText(
                document.GetRequiredText("target"), document.GetRequiredText("key"), document.GetRequiredText("reply"),
                document.GetText("progress"), document.GetText("last_error"));
            var after = erasure.Outbox(text, delivered: !document["delivered_at"].IsNull);
            if (after == text)
            {
                continue;
            }

            if (after is null)
            {
                outbox.Delete(document["_id"]);
            }
            else
            {
                document["target"] = LiteDbValues.Json(after.Target);
                document["key"] = LiteDbValues.Text(after.Key);
                document["key_id"] = LiteDbKey.Of(community.Value, after.Key);
                document["reply"] = LiteDbValues.Json(after.Reply);
                document["progress"] = LiteDbValues.Text(after.Progress);
                document["last_error"] = LiteDbValues.Text(after.LastError);
                outbox.Update(document);
            }

            changed++;
        }

        return changed;
    }
}
