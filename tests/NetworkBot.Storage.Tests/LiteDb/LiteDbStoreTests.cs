using NetworkBot.Core.Domain;
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
}
