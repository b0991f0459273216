using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests;

public sealed class PlatformStateStoreTests : StoreTestBase
{
    [Fact]
    public async Task Unset_key_reads_as_null()
    {
        Assert.Null(await Store.GetPlatformStateAsync("discord:commands:global", Ct));
    }

    [Fact]
    public async Task Value_is_replaced_and_other_keys_are_untouched()
    {
        await Store.SetPlatformStateAsync("discord:commands:global", "hash-1", T0, Ct);
        await Store.SetPlatformStateAsync("discord:commands:guild:42", "hash-g", T0, Ct);
        await Store.SetPlatformStateAsync("discord:commands:global", "hash-2", T0.AddDays(1), Ct);

        Assert.Equal("hash-2", await Store.GetPlatformStateAsync("discord:commands:global", Ct));
        Assert.Equal("hash-g", await Store.GetPlatformStateAsync("discord:commands:guild:42", Ct));
    }

    [Fact]
    public async Task Value_survives_a_new_store_on_the_same_file()
    {
        await Store.SetPlatformStateAsync("discord:commands:global", "hash-1", T0, Ct);

        Assert.Equal("hash-1", await Database.Store().GetPlatformStateAsync("discord:commands:global", Ct));
    }
}
