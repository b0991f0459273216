namespace NetworkBot.Storage.Sqlite;

/// <summary>
/// The schema's history, oldest first. Never edit a released step: a database in the field has already
/// run it. Change the schema by appending a new version.
/// </summary>
/// <remarks>
/// Every table of community data is keyed by <c>community_id</c> first, so each query names its community and one
/// community's rows are never reachable from another's; the dashboard's links and sessions, found by their token's hash,
/// carry theirs. Only <c>platform_state</c> and <c>data_protection_keys</c> are bot-wide, and they hold no member data.
/// Instants are ISO-8601 UTC text (see <see cref="Relational.TextValues"/>); lists are JSON text; enums are stored by name.
/// </remarks>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "communities, members with profile and coffee enrolment, blocks", """
            CREATE TABLE communities (
                community_id         TEXT NOT NULL PRIMARY KEY,
                name                 TEXT NOT NULL,
                language             TEXT NOT NULL,
                time_zone            TEXT NOT NULL,
                intro_channel        TEXT,
                coffee_channel       TEXT,
                announcement_channel TEXT,
                manager_role         TEXT,
                managers             TEXT NOT NULL DEFAULT '[]',
                created_at           TEXT NOT NULL
            );

            CREATE TABLE members (
                community_id        TEXT NOT NULL,
                member_id           TEXT NOT NULL,
                display_name        TEXT NOT NULL,
                pitch               TEXT,
                role                TEXT,
                industry            TEXT,
                offers              TEXT NOT NULL DEFAULT '[]',
                seeks               TEXT NOT NULL DEFAULT '[]',
                interests           TEXT NOT NULL DEFAULT '[]',
                time_zone           TEXT,
                language            TEXT,
                coffee_joined       INTEGER NOT NULL DEFAULT 0,
                coffee_paused_until TEXT,
                coffee_skip_next    INTEGER NOT NULL DEFAULT 0,
                joined_at           TEXT NOT NULL,
                PRIMARY KEY (community_id, member_id)
            );

            CREATE TABLE blocks (
                community_id TEXT NOT NULL,
                blocker_id   TEXT NOT NULL,
                blocked_id   TEXT NOT NULL,
                PRIMARY KEY (community_id, blocker_id, blocked_id)
            );
            """),

        new(2, "interest groups and their members, coffee rounds with groups, outbox", """
            CREATE TABLE interests (
                community_id TEXT NOT NULL,
                interest_id  TEXT NOT NULL,
                name         TEXT NOT NULL,
                description  TEXT,
                archived     INTEGER NOT NULL DEFAULT 0,
                role_ref     TEXT,
                channel_ref  TEXT,
                created_at   TEXT NOT NULL,
                PRIMARY KEY (community_id, interest_id)
            );

            CREATE TABLE interest_members (
                community_id TEXT NOT NULL,
                interest_id  TEXT NOT NULL,
                member_id    TEXT NOT NULL,
                PRIMARY KEY (community_id, interest_id, member_id),
                FOREIGN KEY (community_id, interest_id) REFERENCES interests (community_id, interest_id) ON DELETE CASCADE
            );

            CREATE INDEX interest_members_by_member ON interest_members (community_id, member_id);

            CREATE TABLE rounds (
                community_id TEXT NOT NULL,
                round_id     TEXT NOT NULL,
                started_at   TEXT NOT NULL,
                group_size   INTEGER NOT NULL,
                mode         TEXT NOT NULL,
                seed         INTEGER NOT NULL,
                PRIMARY KEY (community_id, round_id)
            );

            CREATE INDEX rounds_by_start ON rounds (community_id, started_at);

            CREATE TABLE round_groups (
                community_id TEXT NOT NULL,
                group_id     TEXT NOT NULL,
                round_id     TEXT NOT NULL,
                position     INTEGER NOT NULL,
                outcome      TEXT NOT NULL,
                PRIMARY KEY (community_id, group_id),
                FOREIGN KEY (community_id, round_id) REFERENCES rounds (community_id, round_id) ON DELETE CASCADE
            );

            CREATE INDEX round_groups_by_round ON round_groups (community_id, round_id, position);

            CREATE TABLE group_members (
                community_id TEXT NOT NULL,
                group_id     TEXT NOT NULL,
                member_id    TEXT NOT NULL,
                position     INTEGER NOT NULL,
                PRIMARY KEY (community_id, group_id, member_id),
                FOREIGN KEY (community_id, group_id) REFERENCES round_groups (community_id, group_id) ON DELETE CASCADE
            );

            CREATE INDEX group_members_by_member ON group_members (community_id, member_id);

            CREATE TABLE outbox (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                community_id TEXT NOT NULL,
                key          TEXT NOT NULL,
                target       TEXT NOT NULL,
                reply        TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                due_at       TEXT,
                attempts     INTEGER NOT NULL DEFAULT 0,
                last_error   TEXT,
                delivered_at TEXT,
                message_ref  TEXT,
                UNIQUE (community_id, key)
            );

            CREATE INDEX outbox_due ON outbox (due_at) WHERE delivered_at IS NULL AND due_at IS NOT NULL;
            """),

        new(3, "events, RSVPs, connections", """
            CREATE TABLE events (
                community_id   TEXT NOT NULL,
                event_id       TEXT NOT NULL,
                title          TEXT NOT NULL,
                description    TEXT,
                start_at       TEXT NOT NULL,
                duration_ticks INTEGER NOT NULL,
                time_zone      TEXT NOT NULL,
                place          TEXT,
                capacity       INTEGER,
                cancelled      INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (community_id, event_id)
            );

            CREATE INDEX events_by_start ON events (community_id, start_at);

            CREATE TABLE rsvps (
                community_id TEXT NOT NULL,
                event_id     TEXT NOT NULL,
                member_id    TEXT NOT NULL,
                status       TEXT NOT NULL,
                answered_at  TEXT NOT NULL,
                PRIMARY KEY (community_id, event_id, member_id),
                FOREIGN KEY (community_id, event_id) REFERENCES events (community_id, event_id) ON DELETE CASCADE
            );

            CREATE TABLE connections (
                community_id TEXT NOT NULL,
                member_a     TEXT NOT NULL,
                member_b     TEXT NOT NULL,
                since        TEXT NOT NULL,
                PRIMARY KEY (community_id, member_a, member_b),
                CHECK (member_a <> member_b)
            );

            CREATE INDEX connections_by_b ON connections (community_id, member_b);
            """),

        // The v3 connections table already fits Connection (A ordinally before B is the writer's duty: a
        // CHECK (member_a < member_b) would compare UTF-8 bytes, which is not .NET's ordinal UTF-16 order).
        new(4, "coffee schedules, round phase times, group answers, missed rounds", """
            CREATE TABLE coffee_schedules (
                community_id    TEXT NOT NULL PRIMARY KEY,
                cadence         TEXT NOT NULL,
                interval_weeks  INTEGER NOT NULL,
                week_of_month   INTEGER NOT NULL,
                weekday         TEXT NOT NULL,
                time            TEXT NOT NULL,
                time_zone       TEXT NOT NULL,
                starts_on       TEXT NOT NULL,
                group_size      INTEGER NOT NULL,
                mode            TEXT NOT NULL,
                cooldown_rounds INTEGER NOT NULL,
                channel         TEXT,
                active          INTEGER NOT NULL,
                notice_sent_for TEXT,
                last_round_for  TEXT
            );

            ALTER TABLE rounds ADD COLUMN ends_at TEXT;
            ALTER TABLE rounds ADD COLUMN nudged_at TEXT;
            ALTER TABLE rounds ADD COLUMN check_in_at TEXT;
            ALTER TABLE rounds ADD COLUMN reasked_at TEXT;
            ALTER TABLE rounds ADD COLUMN closed_at TEXT;

            CREATE INDEX rounds_open ON rounds (started_at) WHERE ends_at IS NOT NULL AND closed_at IS NULL;

            CREATE TABLE group_answers (
                community_id TEXT NOT NULL,
                group_id     TEXT NOT NULL,
                member_id    TEXT NOT NULL,
                answer       TEXT NOT NULL,
                answered_at  TEXT NOT NULL,
                PRIMARY KEY (community_id, group_id, member_id),
                FOREIGN KEY (community_id, group_id) REFERENCES round_groups (community_id, group_id) ON DELETE CASCADE
            );

            ALTER TABLE members ADD COLUMN missed_rounds INTEGER NOT NULL DEFAULT 0;

            CREATE INDEX connections_by_since ON connections (community_id, since);
            """),
        new(5, "bot-wide platform state (registered command hashes)", """
            CREATE TABLE platform_state (
                state_key  TEXT NOT NULL PRIMARY KEY,
                value      TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            """),
        new(6, "delivery progress of outbox messages (a Discord thread made before its message)", """
            ALTER TABLE outbox ADD COLUMN progress TEXT;
            """),

        // Reminder offsets are whole minutes, comma-separated ("1440,60"). A v3 event without created_at reads its start instead.
        new(7, "events: repeat, reminders, channel, mention, lifecycle; RSVP waitlist; calendar feed secret; attendees, connects, pair wishes", """
            ALTER TABLE events ADD COLUMN repeat_cadence TEXT;
            ALTER TABLE events ADD COLUMN repeat_interval_weeks INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE events ADD COLUMN repeat_week_of_month INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE events ADD COLUMN reminders TEXT NOT NULL DEFAULT '1440,60';
            ALTER TABLE events ADD COLUMN remind_maybe INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE events ADD COLUMN channel TEXT;
            ALTER TABLE events ADD COLUMN mention_role TEXT;
            ALTER TABLE events ADD COLUMN created_by TEXT;
            ALTER TABLE events ADD COLUMN created_at TEXT;
            ALTER TABLE events ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE events ADD COLUMN reminded_for TEXT;
            ALTER TABLE events ADD COLUMN finished INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE events ADD COLUMN icebreaker INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE events ADD COLUMN icebreaker_for TEXT;

            CREATE INDEX events_active ON events (start_at) WHERE cancelled = 0 AND finished = 0;

            ALTER TABLE rsvps ADD COLUMN waitlist_position INTEGER;

            CREATE INDEX rsvps_by_member ON rsvps (community_id, member_id);

            ALTER TABLE communities ADD COLUMN calendar_token TEXT;

            CREATE TABLE event_attendees (
                community_id TEXT NOT NULL,
                event_id     TEXT NOT NULL,
                occurrence   TEXT NOT NULL,
                member_id    TEXT NOT NULL,
                PRIMARY KEY (community_id, event_id, occurrence, member_id),
                FOREIGN KEY (community_id, event_id) REFERENCES events (community_id, event_id) ON DELETE CASCADE
            );

            CREATE TABLE event_connects (
                community_id TEXT NOT NULL,
                event_id     TEXT NOT NULL,
                from_member  TEXT NOT NULL,
                to_member    TEXT NOT NULL,
                pressed_at   TEXT NOT NULL,
                PRIMARY KEY (community_id, event_id, from_member, to_member),
                FOREIGN KEY (community_id, event_id) REFERENCES events (community_id, event_id) ON DELETE CASCADE
            );

            CREATE TABLE pair_wishes (
                community_id TEXT NOT NULL,
                member_id    TEXT NOT NULL,
                other_id     TEXT NOT NULL,
                wished_at    TEXT NOT NULL,
                PRIMARY KEY (community_id, member_id, other_id),
                CHECK (member_id <> other_id)
            );
            """),

        // platform_ref is the event's counterpart on the platform (a Discord scheduled event id); only
        // SetEventPlatformRefAsync writes it, so a stale scheduler write never forgets it. An answer with
        // from_platform = 1 was made by marking "Interested" there, and only such a Maybe is taken back from there.
        new(8, "events: the platform's scheduled event; answers made on the platform", """
            ALTER TABLE events ADD COLUMN platform_ref TEXT;

            CREATE INDEX events_by_platform_ref ON events (community_id, platform_ref) WHERE platform_ref IS NOT NULL;

            ALTER TABLE rsvps ADD COLUMN from_platform INTEGER NOT NULL DEFAULT 0;
            """),

        // Group names become unique per community, ignoring case as the look-up does, so two managers creating the same
        // group at once make one. The index is on name_key, the name folded by .NET (SqliteConnectionFactory.FoldFunction,
        // used only while migrating), so the schema needs no collation of ours and the plain sqlite3 tool can still
        // check and write the file. Groups that already share a name keep the one the look-up found (unarchived, then
        // oldest); the others get the end of their id added. space_pending: an outbox intent is making the space.
        new(9, "interest groups: names unique per community; the space being made", $"""
            ALTER TABLE interests ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
            UPDATE interests SET name_key = {SqliteConnectionFactory.FoldFunction}(name);

            UPDATE interests SET name = name || ' (' || substr(interest_id, -6) || ')'
            WHERE EXISTS (
                SELECT 1 FROM interests AS first
                WHERE first.community_id = interests.community_id
                    AND first.name_key = interests.name_key
                    AND (first.archived, first.created_at, first.interest_id) < (interests.archived, interests.created_at, interests.interest_id));
            UPDATE interests SET name_key = {SqliteConnectionFactory.FoldFunction}(name);

            CREATE UNIQUE INDEX interests_by_name ON interests (community_id, name_key);

            ALTER TABLE interests ADD COLUMN space_pending INTEGER NOT NULL DEFAULT 0;
            """),

        // version is the row's version: a write derived from a read names the version it read and adds one, and
        // finds no row to change when another write came first (see StaleWriteException), so no read-then-write
        // step stores a stale copy over a newer one.
        new(10, "row versions of schedules, rounds, groups, members and events", """
            ALTER TABLE coffee_schedules ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE rounds ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE round_groups ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE members ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
            """),

        // The outbox claims of PostgreSQL, so both providers keep one contract; one process uses a file, so here a claim
        // only ever meets its own process's claims or an expired one.
        new(11, "outbox claims", """
            ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
            ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
            CREATE INDEX outbox_claims ON outbox (community_id, claimed_until) WHERE claimed_until IS NOT NULL;
            """),

        // An answer counts those going and finds the waitlist's end by index, not by reading every answer of the event.
        new(12, "RSVPs by status", """
            CREATE INDEX rsvps_by_status ON rsvps (community_id, event_id, status, waitlist_position);
            """),

        // The managers' dashboard. Links and sessions are keyed by the SHA-256 of their token (never the token itself) and
        // carry their community; like the calendar feed's secret they stay out of the export, so a manager signs in again
        // after a move. A session's handle names it in its community's list (the unique index also finds a community's
        // sessions). data_protection_keys is bot-wide, as platform_state is; position (the rowid, numbered on insert) keeps
        // the keys in the order they were first stored, and the upsert replacing a key's XML keeps its position.
        new(13, "managers' dashboard: sign-in links, sessions, data-protection keys", """
            CREATE TABLE dashboard_sign_in_links (
                token_hash   TEXT NOT NULL PRIMARY KEY,
                community_id TEXT NOT NULL,
                manager_id   TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                expires_at   TEXT NOT NULL
            );

            CREATE TABLE dashboard_sessions (
                token_hash   TEXT NOT NULL PRIMARY KEY,
                handle       TEXT NOT NULL,
                community_id TEXT NOT NULL,
                manager_id   TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                expires_at   TEXT NOT NULL,
                UNIQUE (community_id, handle)
            );

            CREATE TABLE data_protection_keys (
                position      INTEGER PRIMARY KEY,
                friendly_name TEXT NOT NULL UNIQUE,
                xml           TEXT NOT NULL
            );
            """),

        // The dashboard counts rounds (ICoffeeStore.ListRoundTalliesAsync). A round's group members and answers were
        // reachable only group by group, one index probe per group: ~100 ms for the 12 rounds of the overview on a
        // 10,000-member community, whatever the query. Each row now carries its group's round, so a round's rows are one
        // index range (10 ms for the same 12 rounds), and its met groups are read from an index alone. Triggers fill the
        // round from the group on every insert (the writers' and the import's alike), so no writer has to know of it.
        new(14, "group members and answers by round, round groups by outcome", """
            ALTER TABLE group_members ADD COLUMN round_id TEXT;
            UPDATE group_members SET round_id = (
                SELECT g.round_id FROM round_groups g WHERE g.community_id = group_members.community_id AND g.group_id = group_members.group_id);
            CREATE INDEX group_members_by_round ON group_members (community_id, round_id, group_id, member_id);
            CREATE TRIGGER group_members_round AFTER INSERT ON group_members WHEN NEW.round_id IS NULL
            BEGIN
                UPDATE group_members SET round_id = (
                    SELECT g.round_id FROM round_groups g WHERE g.community_id = NEW.community_id AND g.group_id = NEW.group_id)
                WHERE community_id = NEW.community_id AND group_id = NEW.group_id AND member_id = NEW.member_id;
            END;

            ALTER TABLE group_answers ADD COLUMN round_id TEXT;
            UPDATE group_answers SET round_id = (
                SELECT g.round_id FROM round_groups g WHERE g.community_id = group_answers.community_id AND g.group_id = group_answers.group_id);
            CREATE INDEX group_answers_by_round ON group_answers (community_id, round_id, member_id);
            CREATE TRIGGER group_answers_round AFTER INSERT ON group_answers WHEN NEW.round_id IS NULL
            BEGIN
                UPDATE group_answers SET round_id = (
                    SELECT g.round_id FROM round_groups g WHERE g.community_id = NEW.community_id AND g.group_id = NEW.group_id)
                WHERE community_id = NEW.community_id AND group_id = NEW.group_id AND member_id = NEW.member_id;
            END;

            CREATE INDEX round_groups_by_outcome ON round_groups (community_id, round_id, outcome, group_id);
            """),

        // The dashboard's members table (ICoffeeStore.ListMemberActivityAsync) counts each member's rounds and answers and
        // finds their last round. A member's group rows now carry their round in the index, so counting rounds reads the
        // index alone; answers get an index by member (they had only the group's); rounds by start and id let the newest
        // round that grouped a member be found newest first, stopping at the first, without sorting the rounds per member.
        new(15, "group members and answers by member, rounds by start and id", MemberActivityIndexes),

        // A claim (RelationalStore.ClaimableIds) reads each community's first due messages in order by this index and
        // stops there, instead of numbering the whole backlog: a write that held every other writer for 15 ms and more
        // behind a large round now holds it for about one.
        new(16, "undelivered outbox messages by community and age", OutboxTurnsIndex),

        // A member who left the server or workspace keeps their row until their community's retention period has passed
        // (IPrivacyStore.ListLeaversAsync finds them by left_at, across communities).
        new(17, "members' departure, communities' retention period", """
            ALTER TABLE members ADD COLUMN left_at TEXT;
            ALTER TABLE communities ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 180;
            CREATE INDEX members_left ON members (left_at) WHERE left_at IS NOT NULL;
            """),

        // Introductions (/ask): an ask with its candidates, asked one at a time in position order (a member is a candidate of an ask once). The scheduler finds the
        // asks whose next step is due by asks_due, across communities; a member's asks by asks_by_asker; how often a member
        // was asked this week (the community's limit) by ask_candidates_asked. A member may turn intro requests off; a
        // community limits how often one is asked and how many asks one may have open.
        new(18, "asks and their candidates, members open to intros, communities' intro limits", """
            CREATE TABLE asks (
                community_id   TEXT NOT NULL,
                ask_id         TEXT NOT NULL,
                asker          TEXT NOT NULL,
                request        TEXT NOT NULL,
                created_at     TEXT NOT NULL,
                expires_at     TEXT NOT NULL,
                status         TEXT NOT NULL,
                introduced_to  TEXT,
                introduced_at  TEXT,
                followed_up_at TEXT,
                connected_at   TEXT,
                next_step_at   TEXT,
                version        INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (community_id, ask_id)
            );

            CREATE INDEX asks_due ON asks (next_step_at) WHERE next_step_at IS NOT NULL;
            CREATE INDEX asks_by_asker ON asks (community_id, asker);

            CREATE TABLE ask_candidates (
                community_id TEXT NOT NULL,
                ask_id       TEXT NOT NULL,
                member_id    TEXT NOT NULL,
                position     INTEGER NOT NULL,
                offer        TEXT,
                status       TEXT NOT NULL,
                asked_at     TEXT,
                answered_at  TEXT,
                PRIMARY KEY (community_id, ask_id, member_id),
                FOREIGN KEY (community_id, ask_id) REFERENCES asks (community_id, ask_id) ON DELETE CASCADE
            );

            CREATE INDEX ask_candidates_asked ON ask_candidates (community_id, member_id, asked_at);

            ALTER TABLE members ADD COLUMN open_to_intros INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE communities ADD COLUMN intro_requests_per_week INTEGER NOT NULL DEFAULT 2;
            ALTER TABLE communities ADD COLUMN open_asks_per_member INTEGER NOT NULL DEFAULT 3;
            """),
    ];

    /// <summary>Step 16's statement, which PostgreSQL's step 7 runs as it is.</summary>
    internal const string OutboxTurnsIndex = """
        CREATE INDEX outbox_turns ON outbox (community_id, created_at, id) WHERE delivered_at IS NULL AND due_at IS NOT NULL;
        """;

    /// <summary>Step 15's statements, which PostgreSQL's step 6 runs as they are (the same tables, columns and index names).</summary>
    internal const string MemberActivityIndexes = """
        CREATE INDEX group_members_by_member_round ON group_members (community_id, member_id, round_id);
        DROP INDEX group_members_by_member;
        CREATE INDEX group_answers_by_member ON group_answers (community_id, member_id);
        CREATE INDEX rounds_by_start_id ON rounds (community_id, started_at, round_id);
        DROP INDEX rounds_by_start;
        """;

    public static int LatestVersion => All[^1].Version;
}
