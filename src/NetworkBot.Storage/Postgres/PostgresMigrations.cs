using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema's history, oldest first, counted apart from SQLite's: a new provider needs no history, so
/// version 1 is the whole schema SQLite reached in its ten steps. Never edit a released step; append a new version.
/// </summary>
/// <remarks>
/// The same tables and columns as SQLite's (export, import and the conformance suite speak of them alike), in
/// PostgreSQL's types where they keep the store's behaviour:
/// <list type="bullet">
/// <item>Instants are <c>bigint</c> UTC ticks (100 ns since 0001-01-01), not <c>timestamptz</c>: timestamptz keeps
/// microseconds, and the store promises the exact <see cref="DateTimeOffset.UtcTicks"/> back (the conformance suite
/// checks it). Ticks order and compare as the instants do.</item>
/// <item>Every text column is <c>COLLATE "C"</c>: ids and keys sort and compare by code point, as SQLite's BINARY
/// does, whatever the database's locale, so lists come in the same order from both providers.</item>
/// <item>Dates are <c>date</c>, flags <c>boolean</c>, enums their names as <c>text</c>, durations ticks.</item>
/// <item>Lists of names and ids are <c>jsonb</c>. The outbox's target, reply and progress stay <c>text</c>: a row an
/// older or newer build wrote must still be stored as written, so that this build sets it aside as unreadable
/// instead of the database refusing or rewriting it.</item>
/// <item>Names looked up ignoring case carry a key column folded by .NET (<see cref="Relational.RelationalDialect.Fold"/>), so
/// the look-up folds exactly as SQLite's collation does whatever the database's locale.</item>
/// </list>
/// Every table of community data is keyed by <c>community_id</c> first, bar the dashboard's links and sessions, keyed by
/// their token's hash and carrying their community; only <c>platform_state</c> and <c>data_protection_keys</c> are bot-wide.
/// </remarks>
internal static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "the whole schema: communities, members, blocks, coffee, interests, events, connections, outbox, platform state", """
            CREATE TABLE communities (
                community_id         text COLLATE "C" NOT NULL PRIMARY KEY,
                name                 text COLLATE "C" NOT NULL,
                language             text COLLATE "C" NOT NULL,
                time_zone            text COLLATE "C" NOT NULL,
                intro_channel        text COLLATE "C",
                coffee_channel       text COLLATE "C",
                announcement_channel text COLLATE "C",
                manager_role         text COLLATE "C",
                managers             jsonb NOT NULL DEFAULT '[]',
                created_at           bigint NOT NULL,
                calendar_token       text COLLATE "C"
            );

            CREATE TABLE members (
                community_id        text COLLATE "C" NOT NULL,
                member_id           text COLLATE "C" NOT NULL,
                display_name        text COLLATE "C" NOT NULL,
                name_key            text COLLATE "C" NOT NULL,
                pitch               text COLLATE "C",
                role                text COLLATE "C",
                industry            text COLLATE "C",
                offers              jsonb NOT NULL DEFAULT '[]',
                seeks               jsonb NOT NULL DEFAULT '[]',
                interests           jsonb NOT NULL DEFAULT '[]',
                time_zone           text COLLATE "C",
                language            text COLLATE "C",
                coffee_joined       boolean NOT NULL DEFAULT false,
                coffee_paused_until date,
                coffee_skip_next    boolean NOT NULL DEFAULT false,
                joined_at           bigint NOT NULL,
                missed_rounds       integer NOT NULL DEFAULT 0,
                version             integer NOT NULL DEFAULT 0,
                PRIMARY KEY (community_id, member_id)
            );

            CREATE INDEX members_by_name ON members (community_id, name_key);

            CREATE TABLE blocks (
                community_id text COLLATE "C" NOT NULL,
                blocker_id   text COLLATE "C" NOT NULL,
                blocked_id   text COLLATE "C" NOT NULL,
                PRIMARY KEY (community_id, blocker_id, blocked_id)
            );

            CREATE TABLE interests (
                community_id  text COLLATE "C" NOT NULL,
                interest_id   text COLLATE "C" NOT NULL,
                name          text COLLATE "C" NOT NULL,
                name_key      text COLLATE "C" NOT NULL,
                description   text COLLATE "C",
                archived      boolean NOT NULL DEFAULT false,
                role_ref      text COLLATE "C",
                channel_ref   text COLLATE "C",
                created_at    bigint NOT NULL,
                space_pending boolean NOT NULL DEFAULT false,
                PRIMARY KEY (community_id, interest_id)
            );

            CREATE UNIQUE INDEX interests_by_name ON interests (community_id, name_key);

            CREATE TABLE interest_members (
                community_id text COLLATE "C" NOT NULL,
                interest_id  text COLLATE "C" NOT NULL,
                member_id    text COLLATE "C" NOT NULL,
                PRIMARY KEY (community_id, interest_id, member_id),
                FOREIGN KEY (community_id, interest_id) REFERENCES interests (community_id, interest_id) ON DELETE CASCADE
            );

            CREATE INDEX interest_members_by_member ON interest_members (community_id, member_id);

            CREATE TABLE coffee_schedules (
                community_id    text COLLATE "C" NOT NULL PRIMARY KEY,
                cadence         text COLLATE "C" NOT NULL,
                interval_weeks  integer NOT NULL,
                week_of_month   integer NOT NULL,
                weekday         text COLLATE "C" NOT NULL,
                time            bigint NOT NULL,
                time_zone       text COLLATE "C" NOT NULL,
                starts_on       date NOT NULL,
                group_size      integer NOT NULL,
                mode            text COLLATE "C" NOT NULL,
                cooldown_rounds integer NOT NULL,
                channel         text COLLATE "C",
                active          boolean NOT NULL,
                notice_sent_for bigint,
                last_round_for  bigint,
                version         integer NOT NULL DEFAULT 0
            );

            CREATE TABLE rounds (
                community_id text COLLATE "C" NOT NULL,
                round_id     text COLLATE "C" NOT NULL,
                started_at   bigint NOT NULL,
                group_size   integer NOT NULL,
                mode         text COLLATE "C" NOT NULL,
                seed         bigint NOT NULL,
                ends_at      bigint,
                nudged_at    bigint,
                check_in_at  bigint,
                reasked_at   bigint,
                closed_at    bigint,
                version      integer NOT NULL DEFAULT 0,
                PRIMARY KEY (community_id, round_id)
            );

            CREATE INDEX rounds_by_start ON rounds (community_id, started_at);
            CREATE INDEX rounds_open ON rounds (started_at) WHERE ends_at IS NOT NULL AND closed_at IS NULL;

            CREATE TABLE round_groups (
                community_id text COLLATE "C" NOT NULL,
                group_id     text COLLATE "C" NOT NULL,
                round_id     text COLLATE "C" NOT NULL,
                position     integer NOT NULL,
                outcome      text COLLATE "C" NOT NULL,
                version      integer NOT NULL DEFAULT 0,
                PRIMARY KEY (community_id, group_id),
                FOREIGN KEY (community_id, round_id) REFERENCES rounds (community_id, round_id) ON DELETE CASCADE
            );

            CREATE INDEX round_groups_by_round ON round_groups (community_id, round_id, position);

            CREATE TABLE group_members (
                community_id text COLLATE "C" NOT NULL,
                group_id     text COLLATE "C" NOT NULL,
                member_id    text COLLATE "C" NOT NULL,
                position     integer NOT NULL,
                PRIMARY KEY (community_id, group_id, member_id),
                FOREIGN KEY (community_id, group_id) REFERENCES round_groups (community_id, group_id) ON DELETE CASCADE
            );

            CREATE INDEX group_members_by_member ON group_members (community_id, member_id);

            CREATE TABLE group_answers (
                community_id text COLLATE "C" NOT NULL,
                group_id     text COLLATE "C" NOT NULL,
                member_id    text COLLATE "C" NOT NULL,
                answer       text COLLATE "C" NOT NULL,
                answered_at  bigint NOT NULL,
                PRIMARY KEY (community_id, group_id, member_id),
                FOREIGN KEY (community_id, group_id) REFERENCES round_groups (community_id, group_id) ON DELETE CASCADE
            );

            CREATE TABLE pair_wishes (
                community_id text COLLATE "C" NOT NULL,
                member_id    text COLLATE "C" NOT NULL,
                other_id     text COLLATE "C" NOT NULL,
                wished_at    bigint NOT NULL,
                PRIMARY KEY (community_id, member_id, other_id),
                CHECK (member_id <> other_id)
            );

            CREATE TABLE events (
                community_id          text COLLATE "C" NOT NULL,
                event_id              text COLLATE "C" NOT NULL,
                title                 text COLLATE "C" NOT NULL,
                description           text COLLATE "C",
                start_at              bigint NOT NULL,
                duration_ticks        bigint NOT NULL,
                time_zone             text COLLATE "C" NOT NULL,
                place                 text COLLATE "C",
                capacity              integer,
                cancelled             boolean NOT NULL DEFAULT false,
                repeat_cadence        text COLLATE "C",
                repeat_interval_weeks integer NOT NULL DEFAULT 1,
                repeat_week_of_month  integer NOT NULL DEFAULT 0,
                reminders             text COLLATE "C" NOT NULL DEFAULT '1440,60',
                remind_maybe          boolean NOT NULL DEFAULT false,
                channel               text COLLATE "C",
                mention_role          text COLLATE "C",
                created_by            text COLLATE "C",
                created_at            bigint,
                sequence              integer NOT NULL DEFAULT 0,
                reminded_for          bigint,
                finished              boolean NOT NULL DEFAULT false,
                icebreaker            boolean NOT NULL DEFAULT false,
                icebreaker_for        bigint,
                platform_ref          text COLLATE "C",
                version               integer NOT NULL DEFAULT 0,
                PRIMARY KEY (community_id, event_id)
            );

            CREATE INDEX events_by_start ON events (community_id, start_at);
            CREATE INDEX events_active ON events (start_at) WHERE NOT cancelled AND NOT finished;
            CREATE INDEX events_by_platform_ref ON events (community_id, platform_ref) WHERE platform_ref IS NOT NULL;

            CREATE TABLE rsvps (
                community_id      text COLLATE "C" NOT NULL,
                event_id          text COLLATE "C" NOT NULL,
                member_id         text COLLATE "C" NOT NULL,
                status            text COLLATE "C" NOT NULL,
                answered_at       bigint NOT NULL,
                waitlist_position integer,
                from_platform     boolean NOT NULL DEFAULT false,
                PRIMARY KEY (community_id, event_id, member_id),
                FOREIGN KEY (community_id, event_id) REFERENCES events (community_id, event_id) ON DELETE CASCADE
            );

            CREATE INDEX rsvps_by_member ON rsvps (community_id, member_id);

            CREATE TABLE event_attendees (
                community_id text COLLATE "C" NOT NULL,
                event_id     text COLLATE "C" NOT NULL,
                occurrence   bigint NOT NULL,
                member_id    text COLLATE "C" NOT NULL,
                PRIMARY KEY (community_id, event_id, occurrence, member_id),
                FOREIGN KEY (community_id, event_id) REFERENCES events (community_id, event_id) ON DELETE CASCADE
            );

            CREATE TABLE event_connects (
                community_id text COLLATE "C" NOT NULL,
                event_id     text COLLATE "C" NOT NULL,
                from_member  text COLLATE "C" NOT NULL,
                to_member    text COLLATE "C" NOT NULL,
                pressed_at   bigint NOT NULL,
                PRIMARY KEY (community_id, event_id, from_member, to_member),
                FOREIGN KEY (community_id, event_id) REFERENCES events (community_id, event_id) ON DELETE CASCADE
            );

            CREATE TABLE connections (
                community_id text COLLATE "C" NOT NULL,
                member_a     text COLLATE "C" NOT NULL,
                member_b     text COLLATE "C" NOT NULL,
                since        bigint NOT NULL,
                PRIMARY KEY (community_id, member_a, member_b),
                CHECK (member_a <> member_b)
            );

            CREATE INDEX connections_by_b ON connections (community_id, member_b);
            CREATE INDEX connections_by_since ON connections (community_id, since);

            CREATE TABLE outbox (
                id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                community_id text COLLATE "C" NOT NULL,
                key          text COLLATE "C" NOT NULL,
                target       text COLLATE "C" NOT NULL,
                reply        text COLLATE "C" NOT NULL,
                created_at   bigint NOT NULL,
                due_at       bigint,
                attempts     integer NOT NULL DEFAULT 0,
                last_error   text COLLATE "C",
                delivered_at bigint,
                message_ref  text COLLATE "C",
                progress     text COLLATE "C",
                UNIQUE (community_id, key)
            );

            CREATE INDEX outbox_due ON outbox (due_at) WHERE delivered_at IS NULL AND due_at IS NOT NULL;

            CREATE TABLE platform_state (
                state_key  text COLLATE "C" NOT NULL PRIMARY KEY,
                value      text COLLATE "C" NOT NULL,
                updated_at bigint NOT NULL
            );
            """),

        // Several instances share one database: a message is claimed by one (claimed_by, a process id) until its lease
        // ends (claimed_until), so no two deliver it, and a dead instance's claims expire for another to finish.
        new(2, "outbox claims", """
            ALTER TABLE outbox ADD COLUMN claimed_by text COLLATE "C";
            ALTER TABLE outbox ADD COLUMN claimed_until bigint;
            CREATE INDEX outbox_claims ON outbox (community_id, claimed_until) WHERE claimed_until IS NOT NULL;
            """),

        // An answer counts those going and finds the waitlist's end by index, not by reading every answer of the event.
        new(3, "RSVPs by status", """
            CREATE INDEX rsvps_by_status ON rsvps (community_id, event_id, status, waitlist_position);
            """),

        // The managers' dashboard, as SQLite's version 13: links and sessions keyed by their token's hash, carrying their
        // community and left out of the export; data-protection keys bot-wide, shared by every instance, numbered in the
        // order they were first stored by an identity column that the upsert replacing a key's XML keeps.
        new(4, "managers' dashboard: sign-in links, sessions, data-protection keys", """
            CREATE TABLE dashboard_sign_in_links (
                token_hash   text COLLATE "C" NOT NULL PRIMARY KEY,
                community_id text COLLATE "C" NOT NULL,
                manager_id   text COLLATE "C" NOT NULL,
                created_at   bigint NOT NULL,
                expires_at   bigint NOT NULL
            );

            CREATE TABLE dashboard_sessions (
                token_hash   text COLLATE "C" NOT NULL PRIMARY KEY,
                handle       text COLLATE "C" NOT NULL,
                community_id text COLLATE "C" NOT NULL,
                manager_id   text COLLATE "C" NOT NULL,
                created_at   bigint NOT NULL,
                expires_at   bigint NOT NULL,
                UNIQUE (community_id, handle)
            );

            CREATE TABLE data_protection_keys (
                position      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                friendly_name text COLLATE "C" NOT NULL UNIQUE,
                xml           text COLLATE "C" NOT NULL
            );
            """),

        // The dashboard counts rounds (ICoffeeStore.ListRoundTalliesAsync): as in SQLite's step 14, each group member and
        // answer carries its group's round, filled by a trigger on every insert, so a round's rows are one index range.
        new(5, "group members and answers by round, round groups by outcome", """
            CREATE FUNCTION group_row_round() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.round_id IS NULL THEN
                    SELECT g.round_id INTO NEW.round_id FROM round_groups g WHERE g.community_id = NEW.community_id AND g.group_id = NEW.group_id;
                END IF;
                RETURN NEW;
            END
            $$;

            ALTER TABLE group_members ADD COLUMN round_id text COLLATE "C";
            UPDATE group_members gm SET round_id = g.round_id FROM round_groups g WHERE g.community_id = gm.community_id AND g.group_id = gm.group_id;
            CREATE INDEX group_members_by_round ON group_members (community_id, round_id, group_id, member_id);
            CREATE TRIGGER group_members_round BEFORE INSERT ON group_members FOR EACH ROW EXECUTE FUNCTION group_row_round();

            ALTER TABLE group_answers ADD COLUMN round_id text COLLATE "C";
            UPDATE group_answers a SET round_id = g.round_id FROM round_groups g WHERE g.community_id = a.community_id AND g.group_id = a.group_id;
            CREATE INDEX group_answers_by_round ON group_answers (community_id, round_id, member_id);
            CREATE TRIGGER group_answers_round BEFORE INSERT ON group_answers FOR EACH ROW EXECUTE FUNCTION group_row_round();

            CREATE INDEX round_groups_by_outcome ON round_groups (community_id, round_id, outcome, group_id);
            """),

        // As SQLite's step 15: the dashboard's members table counts each member's rounds and answers from index ranges of
        // that member and finds their last round newest first (ICoffeeStore.ListMemberActivityAsync).
        new(6, "group members and answers by member, rounds by start and id", SqliteMigrations.MemberActivityIndexes),

        // As SQLite's step 16: a claim reads each community's first due messages by this index instead of the whole backlog.
        new(7, "undelivered outbox messages by community and age", SqliteMigrations.OutboxTurnsIndex),

        // As SQLite's step 17: a departed member's row waits out the retention period, found by left_at.
        new(8, "members' departure, communities' retention period", """
            ALTER TABLE members ADD COLUMN left_at bigint;
            ALTER TABLE communities ADD COLUMN retention_days integer NOT NULL DEFAULT 180;
            CREATE INDEX members_left ON members (left_at) WHERE left_at IS NOT NULL;
            """),

        // As SQLite's step 18: introductions (/ask) with their candidates, members open to intros, communities' intro limits.
        new(9, "asks and their candidates, members open to intros, communities' intro limits", """
            CREATE TABLE asks (
                community_id   text COLLATE "C" NOT NULL,
                ask_id         text COLLATE "C" NOT NULL,
                asker          text COLLATE "C" NOT NULL,
                request        text COLLATE "C" NOT NULL,
                created_at     bigint NOT NULL,
                expires_at     bigint NOT NULL,
                status         text COLLATE "C" NOT NULL,
                introduced_to  text COLLATE "C",
                introduced_at  bigint,
                followed_up_at bigint,
                connected_at   bigint,
                next_step_at   bigint,
                version        integer NOT NULL DEFAULT 1,
                PRIMARY KEY (community_id, ask_id)
            );

            CREATE INDEX asks_due ON asks (next_step_at) WHERE next_step_at IS NOT NULL;
            CREATE INDEX asks_by_asker ON asks (community_id, asker);

            CREATE TABLE ask_candidates (
                community_id text COLLATE "C" NOT NULL,
                ask_id       text COLLATE "C" NOT NULL,
                member_id    text COLLATE "C" NOT NULL,
                position     integer NOT NULL,
                offer        text COLLATE "C",
                status       text COLLATE "C" NOT NULL,
                asked_at     bigint,
                answered_at  bigint,
                PRIMARY KEY (community_id, ask_id, member_id),
                FOREIGN KEY (community_id, ask_id) REFERENCES asks (community_id, ask_id) ON DELETE CASCADE
            );

            CREATE INDEX ask_candidates_asked ON ask_candidates (community_id, member_id, asked_at);

            ALTER TABLE members ADD COLUMN open_to_intros boolean NOT NULL DEFAULT true;
            ALTER TABLE communities ADD COLUMN intro_requests_per_week integer NOT NULL DEFAULT 2;
            ALTER TABLE communities ADD COLUMN open_asks_per_member integer NOT NULL DEFAULT 3;
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
