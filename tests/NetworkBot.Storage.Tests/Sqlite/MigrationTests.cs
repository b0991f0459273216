using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Sqlite;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Sqlite;

public sealed class MigrationTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly TempDatabase database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Fresh_database_is_created_with_its_directory_and_reaches_the_latest_version()
    {
        var report = await database.Migrator().MigrateAsync(Ct);

        Assert.Equal(new Core.Storage.MigrationReport(0, SqliteMigrations.LatestVersion, database.FilePath), report);
        Assert.True(report.CreatedNew);
        Assert.True(File.Exists(database.FilePath));
        Assert.Equal(18, SqliteMigrations.LatestVersion);
        Assert.Equal(18L, await database.CountAsync("schema_migrations"));
        Assert.Equal("wal", await database.ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrating_again_is_a_no_op()
    {
        await database.Migrator().MigrateAsync(Ct);

        var again = await database.Migrator().MigrateAsync(Ct);

        Assert.Equal((SqliteMigrations.LatestVersion, SqliteMigrations.LatestVersion), (again.FromVersion, again.ToVersion));
        Assert.False(again.CreatedNew);
        Assert.Equal(18L, await database.CountAsync("schema_migrations"));
    }

    [Fact]
    public async Task Migrators_racing_on_one_new_file_apply_each_step_once()
    {
        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.Migrator().MigrateAsync(Ct))));

        Assert.All(reports, r => Assert.Equal(SqliteMigrations.LatestVersion, r.ToVersion));
        Assert.Equal(18L, await database.CountAsync("schema_migrations"));
    }

    [Fact]
    public async Task Migrating_to_an_old_version_stops_there_and_a_later_run_continues()
    {
        var toOne = await database.Migrator().MigrateAsync(1, Ct);
        Assert.Equal((0, 1), (toOne.FromVersion, toOne.ToVersion));
        Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'rounds'"));

        var rest = await database.Migrator().MigrateAsync(Ct);
        Assert.Equal((1, 18), (rest.FromVersion, rest.ToVersion));
    }

    [Fact]
    public async Task Database_from_a_newer_build_is_refused_and_left_as_it_is()
    {
        await database.Migrator().MigrateAsync(Ct);
        await database.ExecuteAsync("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01T00:00:00.0000000Z')");

        var refused = await Assert.ThrowsAsync<SchemaNewerThanBuildException>(() => database.Migrator().MigrateAsync(Ct));

        Assert.Contains("version 99, newer than the 18 this build knows", refused.Message, StringComparison.Ordinal);
        Assert.Equal(99L, await database.ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task Upgrading_from_version_1_keeps_communities_members_and_blocks()
    {
        await database.Migrator().MigrateAsync(1, Ct);
        await database.ExecuteAsync("""
            INSERT INTO communities (community_id, name, language, time_zone, intro_channel, coffee_channel, announcement_channel, manager_role, managers, created_at)
            VALUES ('discord:81384788765712384', '東京ネットワーキング部', 'ja', 'Asia/Tokyo', 'intro', 'coffee', NULL, 'managers', '["u1"]', '2025-04-01T00:30:15.1234567Z');
            INSERT INTO members (community_id, member_id, display_name, pitch, role, industry, offers, seeks, interests, time_zone, language,
                                 coffee_joined, coffee_paused_until, coffee_skip_next, joined_at)
            VALUES ('discord:81384788765712384', 'u1', '山田 花子', '異業種の方と話したいです', 'PM', '金融', '["決済"]', '["デザイナー"]', '["AI","登山"]',
                    'Asia/Tokyo', 'ja', 1, '2025-05-06', 1, '2025-04-01T00:30:15.1234567Z');
            INSERT INTO blocks (community_id, blocker_id, blocked_id) VALUES ('discord:81384788765712384', 'u1', 'u2');
            """);

        await database.Migrator().MigrateAsync(Ct);

        var store = database.Store();
        Assert.Equivalent(
            new Community(Tokyo, "東京ネットワーキング部", new CommunitySettings(Language.Ja, "Asia/Tokyo", "intro", "coffee", null, "managers", [Id("u1")]), T0),
            await store.GetCommunityAsync(Tokyo, Ct),
            strict: true);
        Assert.Equivalent(
            new Member(
                Tokyo,
                Id("u1"),
                "山田 花子",
                new Profile("異業種の方と話したいです", "PM", "金融", ["決済"], ["デザイナー"], ["AI", "登山"], "Asia/Tokyo", Language.Ja),
                new CoffeeEnrollment(true, new DateOnly(2025, 5, 6), true),
                T0),
            await store.GetMemberAsync(Tokyo, Id("u1"), Ct),
            strict: true);
        Assert.Equal([new Block(Id("u1"), Id("u2"))], await store.ListBlocksAsync(Tokyo, Ct));
    }

    [Fact]
    public async Task Upgrading_from_version_2_keeps_interests_rounds_and_the_outbox()
    {
        await database.Migrator().MigrateAsync(2, Ct);
        await database.ExecuteAsync("""
            INSERT INTO interests (community_id, interest_id, name, description, archived, role_ref, channel_ref, created_at)
            VALUES ('slack:T024BE7LD', 'i1', 'Rust', NULL, 0, NULL, 'C1', '2025-04-01T00:30:15.1234567Z');
            INSERT INTO interest_members (community_id, interest_id, member_id) VALUES ('slack:T024BE7LD', 'i1', 'u1');
            INSERT INTO rounds (community_id, round_id, started_at, group_size, mode, seed)
            VALUES ('slack:T024BE7LD', 'r1', '2025-04-01T00:30:15.1234567Z', 2, 'SharedInterest', 42);
            INSERT INTO round_groups (community_id, group_id, round_id, position, outcome) VALUES ('slack:T024BE7LD', 'g1', 'r1', 0, 'Met');
            INSERT INTO group_members (community_id, group_id, member_id, position)
            VALUES ('slack:T024BE7LD', 'g1', 'u2', 0), ('slack:T024BE7LD', 'g1', 'u1', 1);
            INSERT INTO outbox (community_id, key, target, reply, created_at, due_at)
            VALUES ('slack:T024BE7LD', 'r1/g1', '{"kind":"Group","channel":"C2","members":["u2","u1"]}',
                    '{"text":"はじめまして","title":"Coffee","visibility":"Public","buttons":[{"label":"Met","action":{"path":"coffee met","options":{"round":"r1"}},"style":"Success"}]}',
                    '2025-04-01T00:30:15.1234567Z', '2025-04-01T00:30:15.1234567Z');
            """);

        await database.Migrator().MigrateAsync(Ct);

        var store = database.Store();
        var rust = await store.GetInterestByNameAsync(Osaka, "rust", Ct);
        Assert.Equal(new Interest(Osaka, new InterestId("i1"), "Rust", null, false, null, "C1", T0), rust);
        Assert.Equal([Id("u1")], await store.ListInterestMembersAsync(Osaka, new InterestId("i1"), Ct));
        Assert.Equivalent(
            new RoundRecord(
                new Round(Osaka, new RoundId("r1"), T0, 2, PairingMode.SharedInterest, 42),
                [new Group(new RoundId("r1"), new GroupId("g1"), [Id("u2"), Id("u1")], MeetingOutcome.Met)]),
            Assert.Single(await store.ListMemberRoundsAsync(Osaka, Id("u1"), 5, Ct)),
            strict: true);
        var message = Assert.Single(await store.ListDueOutboxAsync(T0, 10, Ct));
        Assert.Equivalent(
            OutboxMessage.Create(
                Osaka,
                "r1/g1",
                MessageTarget.ToGroup("C2", [Id("u2"), Id("u1")]),
                new Reply("はじめまして")
                {
                    Title = "Coffee",
                    Visibility = Visibility.Public,
                    Buttons = [new ReplyButton("Met", CommandInvocation.Of("coffee met", ("round", "r1")), ButtonStyle.Success)],
                },
                T0) with { Id = message.Id },
            message,
            strict: true);
    }

    [Fact]
    public async Task Upgrading_from_version_13_gives_stored_group_members_and_answers_their_round_and_counts_them_per_member()
    {
        await database.Migrator().MigrateAsync(13, Ct);
        await database.ExecuteAsync("""
            INSERT INTO members (community_id, member_id, display_name, industry, coffee_joined, joined_at)
            VALUES ('discord:81384788765712384', 'u1', '山田 花子', '金融', 1, '2025-04-01T00:30:15.1234567Z'),
                   ('discord:81384788765712384', 'u2', '佐藤 健', 'IT', 1, '2025-04-01T00:30:15.1234567Z');
            INSERT INTO rounds (community_id, round_id, started_at, group_size, mode, seed)
            VALUES ('discord:81384788765712384', 'r1', '2025-04-01T00:30:15.1234567Z', 2, 'Random', 7);
            INSERT INTO round_groups (community_id, group_id, round_id, position, outcome) VALUES ('discord:81384788765712384', 'g1', 'r1', 0, 'Met');
            INSERT INTO group_members (community_id, group_id, member_id, position)
            VALUES ('discord:81384788765712384', 'g1', 'u1', 0), ('discord:81384788765712384', 'g1', 'u2', 1);
            INSERT INTO group_answers (community_id, group_id, member_id, answer, answered_at)
            VALUES ('discord:81384788765712384', 'g1', 'u1', 'Met', '2025-04-02T00:30:15.1234567Z');
            """);

        await database.Migrator().MigrateAsync(Ct);

        var tally = Assert.Single(await database.Store().ListRoundTalliesAsync(Tokyo, 12, Ct));
        Assert.Equal((1, 1, 2, 2, 1), (tally.Groups, tally.MetGroups, tally.Matched, tally.Met, tally.Answered));
        Assert.Equal([new IndustryPairs("金融", "IT", 1)], tally.MetPairs);
        (string?, int, int)[] activity = [("r1", 1, 1), ("r1", 1, 0)];
        Assert.Equal(activity, (await database.Store().ListMemberActivityAsync(Tokyo, Ct)).Select(a => (a.LastRound?.Value, a.Rounds, a.Answers)));
    }

    [Fact]
    public async Task Upgrading_from_version_3_keeps_members_rounds_connections_and_the_outbox()
    {
        await database.Migrator().MigrateAsync(3, Ct);
        await database.ExecuteAsync("""
            INSERT INTO members (community_id, member_id, display_name, offers, seeks, interests, coffee_joined, coffee_paused_until, coffee_skip_next, joined_at)
            VALUES ('discord:81384788765712384', 'u1', '山田 花子', '[]', '[]', '[]', 1, '2025-05-06', 0, '2025-04-01T00:30:15.1234567Z');
            INSERT INTO rounds (community_id, round_id, started_at, group_size, mode, seed)
            VALUES ('discord:81384788765712384', 'r1', '2025-04-01T00:30:15.1234567Z', 2, 'Random', 7);
            INSERT INTO round_groups (community_id, group_id, round_id, position, outcome) VALUES ('discord:81384788765712384', 'g1', 'r1', 0, 'Unknown');
            INSERT INTO group_members (community_id, group_id, member_id, position)
            VALUES ('discord:81384788765712384', 'g1', 'u1', 0), ('discord:81384788765712384', 'g1', 'u2', 1);
            INSERT INTO connections (community_id, member_a, member_b, since)
            VALUES ('discord:81384788765712384', 'u1', 'u3', '2025-04-01T00:30:15.1234567Z');
            INSERT INTO outbox (community_id, key, target, reply, created_at, due_at)
            VALUES ('discord:81384788765712384', 'r1/g1', '{"kind":"Channel","channel":"coffee","members":[]}', '{"text":"はじめまして"}',
                    '2025-04-01T00:30:15.1234567Z', '2025-04-01T00:30:15.1234567Z');
            """);

        var report = await database.Migrator().MigrateAsync(Ct);

        Assert.Equal((3, SqliteMigrations.LatestVersion), (report.FromVersion, report.ToVersion));
        var store = database.Store();
        Assert.Equivalent(
            new Member(Tokyo, Id("u1"), "山田 花子", Profile.Empty, new CoffeeEnrollment(true, new DateOnly(2025, 5, 6), false), T0),
            await store.GetMemberAsync(Tokyo, Id("u1"), Ct),
            strict: true);
        var round = new RoundRecord(
            new Round(Tokyo, new RoundId("r1"), T0, 2, PairingMode.Random, 7),
            [new Group(new RoundId("r1"), new GroupId("g1"), [Id("u1"), Id("u2")], MeetingOutcome.Unknown)]);
        Assert.Equivalent(round, await store.GetRoundAsync(Tokyo, new RoundId("r1"), Ct), strict: true);
        Assert.Empty(await store.ListOpenRoundsAsync(Tokyo, Ct));
        Assert.Equal([new Connection(Tokyo, Id("u1"), Id("u3"), T0)], await store.ListConnectionsAsync(Tokyo, Id("u3"), Ct));
        Assert.Equal(["r1/g1"], (await store.ListDueOutboxAsync(T0, 10, Ct)).Select(m => m.Key));
        Assert.Null(await store.GetScheduleAsync(Tokyo, Ct));

        await store.AddGroupMemberAsync(Tokyo, new GroupId("g1"), Id("u4"), [], Ct);
        await store.RecordAnswerAsync(Tokyo, new GroupAnswer(new GroupId("g1"), Id("u1"), MeetingOutcome.Met, T0), MeetingOutcome.Met, 0, [], Ct);
        var group = Assert.Single((await store.GetRoundAsync(Tokyo, new RoundId("r1"), Ct))!.Groups);
        Assert.Equal([Id("u1"), Id("u2"), Id("u4")], group.Members);
        Assert.Equal(MeetingOutcome.Met, group.Outcome);
    }

    [Fact]
    public async Task Upgrading_from_version_5_keeps_events_and_answers_with_the_new_defaults()
    {
        await AtVersionWithTokyoAsync(5);
        await database.ExecuteAsync("""
            INSERT INTO events (community_id, event_id, title, description, start_at, duration_ticks, time_zone, place, capacity, cancelled)
            VALUES ('discord:81384788765712384', 'e1', '朝活ピッチ', NULL, '2025-04-01T00:30:15.1234567Z', 36000000000, 'Asia/Tokyo', '渋谷', 20, 0);
            INSERT INTO rsvps (community_id, event_id, member_id, status, answered_at)
            VALUES ('discord:81384788765712384', 'e1', 'u1', 'Maybe', '2025-04-01T00:30:15.1234567Z');
            """);

        var report = await database.Migrator().MigrateAsync(Ct);

        Assert.Equal((5, SqliteMigrations.LatestVersion), (report.FromVersion, report.ToVersion));
        var store = database.Store();
        Assert.Equivalent(
            new Event(Tokyo, new EventId("e1"), "朝活ピッチ", null, T0, TimeSpan.FromHours(1), "Asia/Tokyo", "渋谷", 20, Cancelled: false) { CreatedAt = T0 },
            await store.GetEventAsync(Tokyo, new EventId("e1"), Ct),
            strict: true);
        Assert.Equal([new Rsvp(new EventId("e1"), Id("u1"), RsvpStatus.Maybe, T0)], await store.ListRsvpsAsync(Tokyo, new EventId("e1"), Ct));
        Assert.Null(await store.GetCalendarTokenAsync(Tokyo, Ct));
        Assert.Equal(RsvpStatus.Going, (await store.RespondAsync(Tokyo, new EventId("e1"), Id("u2"), RsvpStatus.Going, T0, _ => [], Ct)).Status);
    }

    [Fact]
    public async Task Upgrading_from_version_7_keeps_events_and_answers_with_no_platform_ref_and_answers_made_in_NetworkBot()
    {
        await AtVersionWithTokyoAsync(7);
        await database.ExecuteAsync("""
            INSERT INTO events (community_id, event_id, title, description, start_at, duration_ticks, time_zone, place, capacity, cancelled, created_at, sequence)
            VALUES ('discord:81384788765712384', 'e1', '朝活ピッチ', NULL, '2025-04-01T00:30:15.1234567Z', 36000000000, 'Asia/Tokyo', '渋谷', 20, 0, '2025-04-01T00:30:15.1234567Z', 2);
            INSERT INTO rsvps (community_id, event_id, member_id, status, answered_at)
            VALUES ('discord:81384788765712384', 'e1', 'u1', 'Maybe', '2025-04-01T00:30:15.1234567Z');
            """);

        var report = await database.Migrator().MigrateAsync(Ct);

        Assert.Equal((7, 18), (report.FromVersion, report.ToVersion));
        var store = database.Store();
        var ev = (await store.GetEventAsync(Tokyo, new EventId("e1"), Ct))!;
        Assert.Equal(("朝活ピッチ", 2, null), (ev.Title, ev.Sequence, ev.PlatformRef));
        Assert.False(await store.RemovePlatformMaybeAsync(Tokyo, ev.Id, Id("u1"), Ct));
        Assert.Equal([new Rsvp(ev.Id, Id("u1"), RsvpStatus.Maybe, T0)], await store.ListRsvpsAsync(Tokyo, ev.Id, Ct));

        await store.SetEventPlatformRefAsync(Tokyo, ev.Id, "60", Ct);
        Assert.Equal(ev.Id, (await store.FindEventByPlatformRefAsync(Tokyo, "60", Ct))?.Id);
    }

    [Fact]
    public async Task Upgrading_from_version_8_keeps_the_first_of_groups_sharing_a_name_renames_the_others_and_makes_names_unique()
    {
        await AtVersionWithTokyoAsync(8);
        await database.ExecuteAsync("""
            INSERT INTO interests (community_id, interest_id, name, description, archived, role_ref, channel_ref, created_at)
            VALUES ('discord:81384788765712384', 'i-old-archived-000001', 'rust', NULL, 1, NULL, NULL, '2025-01-01T00:00:00.0000000Z'),
                   ('discord:81384788765712384', 'i-open-first-000002', 'Rust', NULL, 0, 'r1', 'c1', '2025-02-01T00:00:00.0000000Z'),
                   ('discord:81384788765712384', 'i-open-later-000003', 'RUST', NULL, 0, NULL, NULL, '2025-03-01T00:00:00.0000000Z');
            """);

        var report = await database.Migrator().MigrateAsync(Ct);

        Assert.Equal((8, 18), (report.FromVersion, report.ToVersion));
        var store = database.Store();
        var names = (await store.ListInterestsAsync(Tokyo, includeArchived: true, Ct)).ToDictionary(i => i.Id.Value, i => (i.Name, i.SpacePending));
        Assert.Equal(("Rust", false), names["i-open-first-000002"]);
        Assert.Equal(("RUST (000003)", false), names["i-open-later-000003"]);
        Assert.Equal(("rust (000001)", false), names["i-old-archived-000001"]);
        var again = new Interest(Tokyo, new InterestId("i-new"), "rust", null, Archived: false, null, null, T0);
        Assert.False(await store.CreateInterestAsync(again, [], Ct));
    }

    [Fact]
    public async Task The_plain_sqlite3_tool_can_check_and_write_the_migrated_file()
    {
        await AtVersionWithTokyoAsync(SqliteMigrations.LatestVersion);
        var store = database.Store();
        Assert.True(await store.CreateInterestAsync(new Interest(Tokyo, new InterestId("i-1"), "Émigré", null, Archived: false, null, null, T0), [], Ct));

        Assert.Equal("ok", await database.ScalarAsync("PRAGMA integrity_check"));
        await database.ExecuteAsync("UPDATE interests SET description = 'set by an operator' WHERE interest_id = 'i-1'");
        Assert.Equal("set by an operator", (await store.GetInterestByNameAsync(Tokyo, "éMIGRÉ", Ct))?.Description);
    }

    /// <summary>The schema of <paramref name="version"/> holding the Tokyo community, as an older build left it.</summary>
    private async Task AtVersionWithTokyoAsync(int version)
    {
        await database.Migrator().MigrateAsync(version, Ct);
        await database.ExecuteAsync("""
            INSERT INTO communities (community_id, name, language, time_zone, managers, created_at)
            VALUES ('discord:81384788765712384', '東京', 'ja', 'Asia/Tokyo', '[]', '2025-04-01T00:30:15.1234567Z');
            """);
    }
}
