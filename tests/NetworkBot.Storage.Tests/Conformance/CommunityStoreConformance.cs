using NetworkBot.Core.Domain;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class CommunityStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static readonly Community Community = new(
        Tokyo,
        "東京ネットワーキング部",
        new CommunitySettings(Language.Ja, "Asia/Tokyo", "intro", "coffee", "announcements", "managers", [Id("u1"), Id("u2")]),
        T0);

    [SkippableFact]
    public async Task Saved_community_reads_back_with_all_its_settings()
    {
        await Store.SaveCommunityAsync(Community, Ct);

        var read = await Store.GetCommunityAsync(Tokyo, Ct);

        Assert.Equivalent(Community, read, strict: true);
        Assert.Equal(T0, read!.CreatedAt);
        Assert.Equal(T0.UtcTicks, read.CreatedAt.UtcTicks);
    }

    [SkippableFact]
    public async Task Community_with_default_settings_round_trips()
    {
        var community = new Community(Osaka, "Osaka", CommunitySettings.Default, T0);
        await Store.SaveCommunityAsync(community, Ct);

        Assert.Equivalent(community, await Store.GetCommunityAsync(Osaka, Ct), strict: true);
    }

    [SkippableFact]
    public async Task Unknown_community_reads_as_null()
    {
        Assert.Null(await Store.GetCommunityAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task Saving_again_replaces_name_and_settings_but_keeps_the_creation_time()
    {
        await Store.SaveCommunityAsync(Community, Ct);
        var renamed = Community with
        {
            Name = "Tokyo Networking",
            Settings = CommunitySettings.Default with { TimeZone = "Europe/Berlin", Managers = [Id("u3")] },
            CreatedAt = T0.AddDays(5),
        };

        await Store.SaveCommunityAsync(renamed, Ct);

        Assert.Equivalent(renamed with { CreatedAt = T0 }, await Store.GetCommunityAsync(Tokyo, Ct), strict: true);
    }
}
