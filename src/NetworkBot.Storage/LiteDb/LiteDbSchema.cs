using LiteDB;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// The LiteDB store's indexes, one block per feature: what <see cref="LiteDbMigrator"/> ensures. LiteDB needs no schema
/// for documents, but every query the store runs goes through one of these (never a full scan of a growing collection).
/// <c>EnsureIndex</c> does nothing for an index already there, so the list is safe to apply on every start.
/// </summary>
internal static class LiteDbSchema
{
    /// <summary>The layout version this build writes (<see cref="LiteDatabase.UserVersion"/>); a newer file is refused.</summary>
    public const int Version = 4;

    /// <summary>
    /// Fills what a file written at <paramref name="from"/> lacks for this build's indexes and readers: version 2 gives every
    /// connection its <c>since_key</c>; version 3 every community its <c>retention_days</c> (the default) and every member its
    /// <c>left_at</c> (none), so the documents carry every field the export writes, as the SQL columns with their defaults do;
    /// version 4 every community its intro limits and every member <c>open_to_intros</c> (the defaults). Done before <see cref="EnsureIndexes"/>, so the index is built from the filled documents.
    /// </summary>
    public static void Upgrade(LiteDatabase db, int from)
    {
        if (from < 4)
        {
            Fill(db, LiteDbCollections.Communities, "intro_requests_per_week", CommunitySettings.DefaultIntroRequestsPerWeek);
            Fill(db, LiteDbCollections.Communities, "open_asks_per_member", CommunitySettings.DefaultOpenAsksPerMember);
            Fill(db, LiteDbCollections.Members, "open_to_intros", true);
        }

        if (from < 3)
        {
            Fill(db, LiteDbCollections.Communities, "retention_days", CommunitySettings.DefaultRetentionDays);
            Fill(db, LiteDbCollections.Members, "left_at", BsonValue.Null);
        }

        if (from < 2)
        {
            var connections = db.GetCollection(LiteDbCollections.Connections);
            foreach (var connection in connections.FindAll().ToList())
            {
                connection["since_key"] = LiteDbStore.SinceKey(connection["community_id"].AsString, connection["since"].AsString);
                connections.Update(connection);
            }
        }
    }

    public static void EnsureIndexes(LiteDatabase db)
    {
        // Communities and members: by community, by folded name, and those who left the platform (left_at), across communities.
        Index(db, LiteDbCollections.Members, "community_id");
        Index(db, LiteDbCollections.Members, "name_key");
        Index(db, LiteDbCollections.Members, "left_at");

        // Coffee: schedules, rounds, groups, answers, blocks and pair wishes. The scheduler's work list comes from the active
        // schedules and the open rounds (closed_at null); a round's groups by round_id, a member's groups by member_id; a group's
        // members and answers, a blocker's blocks are ranges of _id. A round clears the skips of the few members whose flag is set.
        Index(db, LiteDbCollections.CoffeeSchedules, "active");
        Index(db, LiteDbCollections.Rounds, "community_id");
        Index(db, LiteDbCollections.Rounds, "closed_at");
        Index(db, LiteDbCollections.RoundGroups, "round_id");
        Index(db, LiteDbCollections.GroupMembers, "member_id");
        Index(db, LiteDbCollections.Blocks, "community_id");
        Index(db, LiteDbCollections.PairWishes, "community_id");
        Index(db, LiteDbCollections.Members, "coffee_skip_next");

        // A member's erasure finds their answers and interest memberships by member (IPrivacyStore.EraseMemberAsync), as
        // their group memberships and connections above.
        Index(db, LiteDbCollections.GroupAnswers, "member_id");
        Index(db, LiteDbCollections.InterestMembers, "member_id");

        // Connections: a member's as member_a are a range of _id, as member_b by its index; counts by community, and those
        // made since a time (the dashboard's trend of new connections) by since_key, the community then the time.
        Index(db, LiteDbCollections.Connections, "community_id");
        Index(db, LiteDbCollections.Connections, "member_b");
        Index(db, LiteDbCollections.Connections, "since_key");

        // Events: by community; the communities with an event still to come (active_community_id, the community_id of an
        // event neither cancelled nor finished); the platform's event (platform_key); answers of an event by status, the
        // waitlist in order (status_key), and by member (member_key). An event's answers and attendees are found by _id.
        // Answers have no community_id index: each index costs every answer a write, and their _id begins with the
        // community, so LiteDbQuery.KeyPrefix(community) finds a community's answers.
        Index(db, LiteDbCollections.Events, "community_id");
        Index(db, LiteDbCollections.Events, "active_community_id");
        Index(db, LiteDbCollections.Events, "platform_key");
        Index(db, LiteDbCollections.Rsvps, "status_key");
        Index(db, LiteDbCollections.Rsvps, "member_key");
        Index(db, LiteDbCollections.EventAttendees, "community_id");

        // Interests: by community, and one open or archived group per folded name in a community (name_id, as the SQL
        // unique index on (community_id, name_key)). A group's members are found by _id.
        Index(db, LiteDbCollections.Interests, "community_id");
        Index(db, LiteDbCollections.Interests, "name_id", unique: true);
        Index(db, LiteDbCollections.InterestMembers, "community_id");

        // Outbox: by key (once per community), by due time of what is still to be delivered, by claim.
        Index(db, LiteDbCollections.Outbox, "key_id", unique: true);
        Index(db, LiteDbCollections.Outbox, "community_id");
        Index(db, LiteDbCollections.Outbox, "pending_at");
        Index(db, LiteDbCollections.Outbox, "claimed_until");
        Index(db, LiteDbCollections.Outbox, "claimed_by");

        // Introductions: a community's asks (the open ones among them), a member's asks and the times a member was asked as a
        // candidate (member_key: the community and the member), the asks whose next step is due across communities. An ask's
        // candidates are a range of _id.
        Index(db, LiteDbCollections.Asks, "community_id");
        Index(db, LiteDbCollections.Asks, "member_key");
        Index(db, LiteDbCollections.Asks, "next_step_at");
        Index(db, LiteDbCollections.AskCandidates, "member_key");

        // Dashboard: links and sessions are found by _id (their token's hash); a community's sessions by community_id, one
        // of them by its handle (handle_id, unique per community as the SQL (community_id, handle)); expired links and
        // sessions are dropped by a range of expires_at. Data-protection keys come in the order of their position.
        Index(db, LiteDbCollections.DashboardSignInLinks, "expires_at");
        Index(db, LiteDbCollections.DashboardSessions, "community_id");
        Index(db, LiteDbCollections.DashboardSessions, "handle_id", unique: true);
        Index(db, LiteDbCollections.DashboardSessions, "expires_at");
        Index(db, LiteDbCollections.DataProtectionKeys, "position");
    }

    private static void Fill(LiteDatabase db, string collection, string field, BsonValue value)
    {
        var documents = db.GetCollection(collection);
        foreach (var document in documents.FindAll().Where(d => !d.ContainsKey(field)).ToList())
        {
            document[field] = value;
            documents.Update(document);
        }
    }

    private static void Index(LiteDatabase db, string collection, string field, bool unique = false) =>
        db.GetCollection(collection).EnsureIndex(field, "$." + field, unique);
}
