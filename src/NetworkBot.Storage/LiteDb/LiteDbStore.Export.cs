using System.Collections.Frozen;
using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;
using NetworkBot.Storage.Relational;

namespace NetworkBot.Storage.LiteDb;

/// <remarks>
/// Each <see cref="ExportFormat"/> table is the collection <see cref="ExportNames"/> names and each field the document
/// field of its column's name, valued as SQLite stores it, so the format's values are read and written as they are:
/// one export reads the same from every provider. A document's <c>_id</c> is its community and the table's key fields
/// (the SQL primary key), bar the outbox's, which LiteDB numbers.
/// </remarks>
public sealed partial class LiteDbStore : IExportStore
{
    /// <summary>The integer columns the store writes as Int64 (a seed, ticks, a waitlist position, an attempt count); the others are Int32.</summary>
    private static readonly FrozenSet<string> Int64Columns =
        new[] { "seed", "duration_ticks", "waitlist_position", "attempts" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The fields a row may leave null, per table: the SQL schema's nullable columns (of those exported). Every other
    /// field is NOT NULL there, the store's readers count on it, and a row without it is refused as SQL refuses it.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> ImportNullable = new Dictionary<string, string[]>
    {
        ["community"] = ["intro_channel", "coffee_channel", "announcement_channel", "manager_role"],
        ["coffeeSchedule"] = ["channel", "notice_sent_for", "last_round_for"],
        ["members"] = ["pitch", "role", "industry", "time_zone", "language", "coffee_paused_until", "left_at"],
        ["interests"] = ["description", "role_ref", "channel_ref"],
        ["rounds"] = ["ends_at", "nudged_at", "check_in_at", "reasked_at", "closed_at"],
        ["events"] = ["description", "place", "capacity", "repeat_cadence", "channel", "mention_role", "created_by", "created_at",
            "reminded_for", "icebreaker_for", "platform_ref"],
        ["rsvps"] = ["waitlist_position"],
        ["asks"] = ["introduced_to", "introduced_at", "followed_up_at", "connected_at", "next_step_at"],
        ["askCandidates"] = ["offer", "asked_at", "answered_at"],
        ["outbox"] = ["due_at", "last_error", "delivered_at", "message_ref", "progress"],
    }.ToFrozenDictionary(t => t.Key, t => t.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// The tables whose rows name a row of another (the SQL schema's foreign keys, all within the community): the
    /// column, and the collection the row it names is in.
    /// </summary>
    private static readonly FrozenDictionary<string, (string Column, string Parent)> ImportParents = new Dictionary<string, (string, string)>
    {
        ["interestMembers"] = ("interest_id", LiteDbCollections.Interests),
        ["roundGroups"] = ("round_id", LiteDbCollections.Rounds),
        ["groupMembers"] = ("group_id", LiteDbCollections.RoundGroups),
        ["groupAnswers"] = ("group_id", LiteDbCollections.RoundGroups),
        ["rsvps"] = ("event_id", LiteDbCollections.Events),
        ["eventAttendees"] = ("event_id", LiteDbCollections.Events),
        ["eventConnects"] = ("event_id", LiteDbCollections.Events),
        ["askCandidates"] = ("ask_id", LiteDbCollections.Asks),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The tables whose two members must differ (the SQL schema's checks): nobody is connected to or wishes for themselves.</summary>
    private static readonly FrozenDictionary<string, (string One, string Other)> ImportDistinctPairs = new Dictionary<string, (string, string)>
    {
        ["connections"] = ("member_a", "member_b"),
        ["pairWishes"] = ("member_id", "other_id"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Walks each collection one community at a time, each step the first document past the last community found, so a
    /// community with many documents costs one look-up (<see cref="CommunityIdsIn"/>).
    /// </summary>
    public Task<IReadOnlyList<CommunityId>> ListCommunityIdsAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<CommunityId>>(
            db => [.. ExportFormat.Tables
                .SelectMany(table => CommunityIdsIn(db, table))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(id => new CommunityId(id))],
            ct);

    /// <summary>
    /// One read (<see cref="ReadAsync{T}"/>), which runs on the writer thread where every commit of the file happens, so
    /// nothing commits while it runs and all its reads see one state — the snapshot the SQL providers take with a
    /// transaction.
    /// </summary>
    public Task<CommunityExport?> ExportCommunityAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync(
            db =>
            {
                var tables = ExportTables(db, table => Documents(db, table, community));
                return tables.Values.Any(rows => rows.Count > 0) ? new CommunityExport(community, tables) : null;
            },
            ct);

    /// <summary>Every <see cref="ExportFormat"/> table's rows: the documents <paramref name="documents"/> gives for it, as export rows.</summary>
    private static Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>> ExportTables(
        LiteDatabase db, Func<ExportTable, IEnumerable<BsonDocument>> documents) =>
        ExportFormat.Tables.ToDictionary(
            table => table.Name,
            IReadOnlyList<IReadOnlyList<object?>> (table) => [.. documents(table).Select(d => ExportRow(d, table))],
            StringComparer.Ordinal);

    /// <summary>
    /// One transaction for all of <paramref name="communities"/>: first every community is checked to have nothing
    /// here (nor to come twice), which writes nothing when one is refused; then every row is written, and a row that
    /// does not fit (a key taken, a row naming one not there, a value out of range) throws, which rolls all of it back
    /// and is answered as the refusal recorded for it.
    /// </summary>
    public async Task<ImportRefusal?> ImportCommunitiesAsync(IReadOnlyList<CommunityExport> communities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(communities);
        ImportRefusal? misfit = null;
        try
        {
            return await WriteAsync<ImportRefusal?>(
                db =>
                {
                    if (Occupied(db, communities) is { } occupied)
                    {
                        return occupied;
                    }

                    foreach (var community in communities)
                    {
                        foreach (var table in ExportFormat.Tables)
                        {
                            foreach (var row in ImportOrder(table, community.Tables.TryGetValue(table.Name, out var rows) ? rows : []))
                            {
                                try
                                {
                                    InsertExportRow(db, community.Id, table, row);
                                }
                                catch (Exception exception) when (IsMisfit(exception))
                                {
                                    misfit = new ImportRefusal(community.Id, $"a row of its {table.Name} does not fit this database ({exception.Message})");
                                    throw;
                                }
                            }
                        }
                    }

                    return null;
                },
                ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsMisfit(exception) && misfit is not null)
        {
            return misfit;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is a row refused (a key taken, a rule of the SQL schema), not the engine failing.</summary>
    private static bool IsMisfit(Exception exception) =>
        exception is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY } or LiteDbIntegrityException;

    /// <summary>
    /// The rows in the order they are written: the outbox's by creation time (its first field, text that sorts as the
    /// instants do), so LiteDB numbers them as the dispatcher takes them, whatever order they came in; the others as they come.
    /// </summary>
    private static IEnumerable<IReadOnlyList<object?>> ImportOrder(ExportTable table, IReadOnlyList<IReadOnlyList<object?>> rows) =>
        ExportNames.Table(table) == LiteDbCollections.Outbox ? rows.OrderBy(row => row[0] as string, StringComparer.Ordinal) : rows;

    /// <summary>
    /// The distinct community ids of <paramref name="table"/>'s collection, materialised: by the <c>_id</c> index, where all
    /// of a community's documents make one range (their <c>_id</c> begins with it), the next one past that range; the
    /// outbox's <c>_id</c> is a number, so there by its <c>community_id</c> index, the next id past the last.
    /// </summary>
    private static List<string> CommunityIdsIn(LiteDatabase db, ExportTable table)
    {
        var collection = ExportNames.Table(table);
        var byId = collection != LiteDbCollections.Outbox;
        var ids = new List<string>();
        var after = BsonValue.MinValue;
        while (Collection(db, collection).FindOne(LiteDbQuery.Greater(byId ? "_id" : "community_id", after)) is { } next)
        {
            var id = next.GetRequiredText("community_id");
            ids.Add(id);
            after = byId ? LiteDbKey.Of(id) + char.MaxValue : id;
        }

        return ids;
    }

    /// <summary>
    /// <paramref name="community"/>'s documents of <paramref name="table"/>, not yet read: one range of the <c>_id</c>
    /// index (every <c>_id</c> begins with the community), the outbox's through its community index.
    /// </summary>
    private static IEnumerable<BsonDocument> Documents(LiteDatabase db, ExportTable table, CommunityId community) =>
        ExportNames.Table(table) == LiteDbCollections.Outbox
            ? InCommunity(db, LiteDbCollections.Outbox, community)
            : Collection(db, ExportNames.Table(table)).Find(LiteDbQuery.KeyPrefix(community.Value));

    /// <summary>The first of <paramref name="communities"/> that has data here or comes a second time, refused; null when none does.</summary>
    private static ImportRefusal? Occupied(LiteDatabase db, IReadOnlyList<CommunityExport> communities)
    {
        var seen = new HashSet<CommunityId>();
        foreach (var community in communities)
        {
            var id = community.Id;
            if (!seen.Add(id) || ExportFormat.Tables.Any(table => Documents(db, table, id).Any()))
            {
                return new ImportRefusal(id, $"community {id} already has data in this database");
            }
        }

        return null;
    }

    private static object?[] ExportRow(BsonDocument document, ExportTable table) =>
        [.. table.Fields.Select(field => document[ExportNames.Column(field.Name)] is { IsNull: false } value
            ? field.Kind switch
            {
                ExportFieldKind.Integer => value.AsInt64,
                ExportFieldKind.Boolean => value.AsBoolean,
                _ => (object)value.AsString,
            }
            : null)];

    /// <summary>
    /// Inside the import's write: <paramref name="row"/> as the document the store would have written, with its
    /// <c>_id</c> and the fields its collection's indexes need, after the checks the SQL schema makes.
    /// </summary>
    private static void InsertExportRow(LiteDatabase db, CommunityId community, ExportTable table, IReadOnlyList<object?> row)
    {
        var collection = ExportNames.Table(table);
        var document = new BsonDocument { ["community_id"] = LiteDbValues.Text(community.Value) };
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var column = ExportNames.Column(table.Fields[i].Name);
            if (row[i] is null && !(ImportNullable.TryGetValue(table.Name, out var nullable) && nullable.Contains(column)))
            {
                throw new LiteDbIntegrityException($"{column} is null, and this database needs a value");
            }

            document[column] = ImportValue(column, table.Fields[i].Kind, row[i]);
        }

        AddUnexportedFields(community, collection, document);
        if (collection == LiteDbCollections.Outbox)
        {
            // Numbered anew in the order of ImportOrder, as the SQL import's AUTOINCREMENT numbers an export's rows.
            db.GetCollection(LiteDbCollections.Outbox, BsonAutoId.Int64).Insert(document);
            return;
        }

        var key = new List<string> { community.Value };
        key.AddRange(table.Fields.Take(table.KeyFields).Select(field => document.GetRequiredText(ExportNames.Column(field.Name))));

        if (ImportParents.TryGetValue(table.Name, out var parent)
            && Collection(db, parent.Parent).FindById(LiteDbKey.Of(community.Value, document.GetRequiredText(parent.Column))) is null)
        {
            throw new LiteDbIntegrityException($"{parent.Column} {document[parent.Column]} names no row of {parent.Parent}");
        }

        if (ImportDistinctPairs.TryGetValue(table.Name, out var pair) && document.GetRequiredText(pair.One) == document.GetRequiredText(pair.Other))
        {
            throw new LiteDbIntegrityException($"{pair.One} and {pair.Other} are both {document[pair.One].AsString}");
        }

        document["_id"] = LiteDbKey.Of([.. key]);
        Collection(db, collection).Insert(document);
    }

    /// <summary>
    /// The fields of <paramref name="document"/> the export leaves out, as the store would have them: the copies its
    /// indexes read (folded names, keys within the community, an event still to come, the outbox's due time), and what
    /// starts empty on a new home (a claim, the calendar feed's secret).
    /// </summary>
    private static void AddUnexportedFields(CommunityId community, string collection, BsonDocument document)
    {
        switch (collection)
        {
            case LiteDbCollections.Communities:
                document["calendar_token"] = BsonValue.Null;
                break;
            case LiteDbCollections.Members:
                document["name_key"] = RelationalDialect.Fold(document.GetRequiredText("display_name"));
                break;
            case LiteDbCollections.Interests:
                document["name_key"] = NameKey(document.GetRequiredText("name"));
                document["name_id"] = NameId(community, document.GetRequiredText("name"));
                break;
            case LiteDbCollections.Connections:
                document["since_key"] = SinceKey(community.Value, document.GetRequiredText("since"));
                break;
            case LiteDbCollections.Events:
                document["active_community_id"] = document["cancelled"] == true || document["finished"] == true ? BsonValue.Null : LiteDbValues.Text(community.Value);
                document["platform_key"] = document.GetText("platform_ref") is { } platformRef ? LiteDbKey.Of(community.Value, platformRef) : BsonValue.Null;
                break;
            case LiteDbCollections.Rsvps:
                document["status_key"] = StatusKey(
                    community,
                    new EventId(document.GetRequiredText("event_id")),
                    Enum.TryParse<RsvpStatus>(document.GetText("status"), out var status) && Enum.IsDefined(status)
                        ? status
                        : throw new LiteDbIntegrityException($"status {document["status"]} is no answer"),
                    document["waitlist_position"] is { IsNull: false } position ? position.AsInt64 : null);
                document["member_key"] = LiteDbKey.Of(community.Value, document.GetRequiredText("member_id"));
                break;
            case LiteDbCollections.Asks:
                document["member_key"] = LiteDbKey.Of(community.Value, document.GetRequiredText("asker"));
                break;
            case LiteDbCollections.AskCandidates:
                document["member_key"] = LiteDbKey.Of(community.Value, document.GetRequiredText("member_id"));
                break;
            case LiteDbCollections.Outbox:
                document["key_id"] = LiteDbKey.Of(community.Value, document.GetRequiredText("key"));
                document["pending_at"] = document["delivered_at"].IsNull ? document["due_at"] : BsonValue.Null;
                document["claimed_by"] = BsonValue.Null;
                document["claimed_until"] = BsonValue.Null;
                break;
        }
    }

    /// <summary>A value of the export format as a document holds it (<see cref="LiteDbValues"/>); an integer too big for its field does not fit.</summary>
    private static BsonValue ImportValue(string column, ExportFieldKind kind, object? value) => value switch
    {
        null => BsonValue.Null,
        long integer when Int64Columns.Contains(column) => integer,
        long integer => integer is >= int.MinValue and <= int.MaxValue
            ? (int)integer
            : throw new LiteDbIntegrityException($"{column} {integer} is beyond a 32-bit integer"),
        bool flag => flag,
        string json when kind == ExportFieldKind.Json => LiteDbValues.Json(json),
        string text => LiteDbValues.Text(text),
        _ => throw new LiteDbIntegrityException($"{column} holds a {value.GetType().Name}, not a value of the export format"),
    };
}
