using LiteDB;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// The LiteDB store's indexes, one block per feature: what <see cref="LiteDbMigrator"/> ensures. LiteDB needs no schema
/// for documents, but every query the store runs goes through one of these (never a full scan of a growing collection).
/// <c>EnsureIndex</c> does nothing for an index already there, so the list is safe to apply on every start.
/// </summary>
internal static class LiteDbSchema
{
    /// <summary>The layout version this build writes (<see cref="LiteDatabase.UserVersion"/>); a newer file is refused.</summary>
    public const int Version = 1;

    public static void EnsureIndexes(LiteDatabase db)
    {
        // Communities and members.
        Index(db, LiteDbCollections.Members, "community_id");
        Index(db, LiteDbCollections.Members, "name_key");

        // Coffee: schedules, rounds, groups, answers, blocks and pair wishes.

        // Connections.

        // Events.

        // Interests.

        // Outbox: by key (once per community), by due time of what is still to be delivered, by claim.
        Index(db, LiteDbCollections.Outbox, "key_id", unique: true);
        Index(db, LiteDbCollections.Outbox, "community_id");
        Index(db, LiteDbCollections.Outbox, "pending_at");
        Index(db, LiteDbCollections.Outbox, "claimed_until");
        Index(db, LiteDbCollections.Outbox, "claimed_by");

        // Export: every collection of a table with several rows per community, by community, so the export lists the
        // communities and reads each one through an index (a no-op where the feature's block made it already).
        foreach (var table in ExportFormat.Tables.Where(t => !t.Single))
        {
            Index(db, ExportNames.Table(table), "community_id");
        }
    }

    private static void Index(LiteDatabase db, string collection, string field, bool unique = false) =>
        db.GetCollection(collection).EnsureIndex(field, "$." + field, unique);
}
