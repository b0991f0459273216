using LiteDB;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Storage.LiteDb;
using NetworkBot.Storage.Relational;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.LiteDb;

public sealed class LiteDbStoreTests
{
    [Fact]
    public async Task A_store_disposed_twice_releases_the_file_once_and_another_store_of_it_keeps_working()
    {
        using var file = new TempLiteDbFile();
        await file.Migrator().MigrateAsync(CancellationToken.None);
        using var kept = file.Store();
        var disposed = file.Store();

        disposed.Dispose();
        disposed.Dispose();
        await kept.SaveCommunityAsync(new Community(Tokyo, "東京", CommunitySettings.Default, T0), CancellationToken.None);

        Assert.Equal("東京", (await kept.GetCommunityAsync(Tokyo, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task Upgrading_from_version_1_gives_stored_connections_their_since_key_so_they_are_counted_from_a_time_on()
    {
        using var file = new TempLiteDbFile();
        await file.Migrator().MigrateAsync(CancellationToken.None);
        using (var old = file.Store())
        {
            // Connections as version 1 wrote them: no since_key.
            var connections = old.Database.GetCollection(LiteDbCollections.Connections);
            foreach (var (community, a, b, since) in new[] { (Tokyo, "u1", "u2", T0), (Tokyo, "u1", "u3", T0.AddDays(7)), (Osaka, "u1", "u2", T0.AddDays(7)) })
            {
                connections.Insert(new BsonDocument
                {
                    ["_id"] = LiteDbKey.Of(community.Value, a, b),
                    ["community_id"] = community.Value,
                    ["member_a"] = a,
                    ["member_b"] = b,
                    ["since"] = TextValues.Instant(since),
                });
            }

            old.Database.UserVersion = 1;
        }

        var report = await file.Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal((1, LiteDbSchema.Version), (report.FromVersion, report.ToVersion));
        using var store = file.Store();
        Assert.Equal(
            (2, 1, 0, 1),
            (await store.CountConnectionsSinceAsync(Tokyo, T0, CancellationToken.None),
             await store.CountConnectionsSinceAsync(Tokyo, T0.AddDays(1), CancellationToken.None),
             await store.CountConnectionsSinceAsync(Tokyo, T0.AddDays(8), CancellationToken.None),
             await store.CountConnectionsSinceAsync(Osaka, T0, CancellationToken.None)));
    }

    [Fact]
    public async Task Upgrading_from_version_2_gives_communities_the_default_retention_and_intro_limits_and_members_no_departure_and_open_to_intros_so_they_export_whole()
    {
        using var file = new TempLiteDbFile();
        await file.Migrator().MigrateAsync(CancellationToken.None);
        using (var old = file.Store())
        {
            var settings = CommunitySettings.Default with { RetentionDays = 9, IntroRequestsPerWeek = 5, OpenAsksPerMember = 1 };
            await old.SaveCommunityAsync(new Community(Tokyo, "東京", settings, T0), CancellationToken.None);
            await old.SaveMemberAsync(Member(Tokyo, "u1") with { Profile = Profile.Empty with { OpenToIntros = false } }, CancellationToken.None);

            // As version 2 wrote them: none of the fields of versions 3 and 4.
            foreach (var (collection, field) in new[]
            {
                (LiteDbCollections.Communities, "retention_days"), (LiteDbCollections.Members, "left_at"),
                (LiteDbCollections.Communities, "intro_requests_per_week"), (LiteDbCollections.Communities, "open_asks_per_member"),
                (LiteDbCollections.Members, "open_to_intros"),
            })
            {
                var documents = old.Database.GetCollection(collection);
                foreach (var document in documents.FindAll().ToList())
                {
                    Assert.True(document.Remove(field));
                    documents.Update(document);
                }
            }

            old.Database.UserVersion = 2;
        }

        var report = await file.Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal((2, LiteDbSchema.Version), (report.FromVersion, report.ToVersion));
        using var store = file.Store();
        var upgraded = (await store.GetCommunityAsync(Tokyo, CancellationToken.None))!.Settings;
        Assert.Equal(
            (CommunitySettings.DefaultRetentionDays, CommunitySettings.DefaultIntroRequestsPerWeek, CommunitySettings.DefaultOpenAsksPerMember),
            (upgraded.RetentionDays, upgraded.IntroRequestsPerWeek, upgraded.OpenAsksPerMember));
        var member = (await store.GetMemberAsync(Tokyo, new MemberId("u1"), CancellationToken.None))!;
        Assert.Null(member.LeftAt);
        Assert.True(member.Profile.OpenToIntros);
        var export = (await store.ExportCommunityAsync(Tokyo, CancellationToken.None))!;
        using var copy = new TempLiteDbFile();
        await copy.Migrator().MigrateAsync(CancellationToken.None);
        using var imported = copy.Store();
        Assert.Null(await imported.ImportCommunitiesAsync([export], CancellationToken.None));
    }
}
