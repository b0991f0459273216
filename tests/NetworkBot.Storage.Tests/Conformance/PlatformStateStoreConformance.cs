using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class PlatformStateStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Unset_key_reads_as_null()
    {
        Assert.Null(await Store.GetPlatformStateAsync("discord:commands:global", Ct));
    }

    [SkippableFact]
    public async Task Value_is_replaced_and_other_keys_are_untouched()
    {
        await Store.SetPlatformStateAsync("discord:commands:global", "hash-1", T0, Ct);
        await Store.SetPlatformStateAsync("discord:commands:guild:42", "hash-g", T0, Ct);
        await Store.SetPlatformStateAsync("discord:commands:global", "hash-2", T0.AddDays(1), Ct);

        Assert.Equal("hash-2", await Store.GetPlatformStateAsync("discord:commands:global", Ct));
        Assert.Equal("hash-g", await Store.GetPlatformStateAsync("discord:commands:guild:42", Ct));
    }

    [SkippableFact]
    public async Task Value_survives_opening_the_store_again()
    {
        await Store.SetPlatformStateAsync("discord:commands:global", "hash-1", T0, Ct);

        Assert.Equal("hash-1", await UnderTest.OpenAgain().GetPlatformStateAsync("discord:commands:global", Ct));
    }
}
