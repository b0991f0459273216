using NetworkBot.Core.Coffee;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class BlockStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static readonly Block AliceBlocksBob = new(Id("alice"), Id("bob"));

    [SkippableFact]
    public async Task Adding_a_new_block_returns_true_and_adding_it_again_returns_false()
    {
        Assert.True(await Store.AddBlockAsync(Tokyo, AliceBlocksBob, Ct));
        Assert.False(await Store.AddBlockAsync(Tokyo, AliceBlocksBob, Ct));

        Assert.Equal([AliceBlocksBob], await Store.ListBlocksAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task Removing_an_existing_block_returns_true_and_a_missing_one_returns_false()
    {
        await Store.AddBlockAsync(Tokyo, AliceBlocksBob, Ct);

        Assert.True(await Store.RemoveBlockAsync(Tokyo, AliceBlocksBob, Ct));
        Assert.False(await Store.RemoveBlockAsync(Tokyo, AliceBlocksBob, Ct));
        Assert.Empty(await Store.ListBlocksAsync(Tokyo, Ct));
    }

    /// <summary>Ids with the characters a pattern match reads as wildcards, and one a prefix of the other, name different members.</summary>
    [SkippableFact]
    public async Task Blockers_whose_ids_differ_only_by_a_wildcard_character_or_a_suffix_keep_their_own_blocks()
    {
        await Store.AddBlockAsync(Tokyo, new Block(Id("a_b"), Id("x")), Ct);
        await Store.AddBlockAsync(Tokyo, new Block(Id("axb"), Id("y")), Ct);
        await Store.AddBlockAsync(Tokyo, new Block(Id("a%"), Id("z")), Ct);
        await Store.AddBlockAsync(Tokyo, new Block(Id("a_bc"), Id("w")), Ct);

        Assert.Equal([Id("x")], await Store.ListBlockedAsync(Tokyo, Id("a_b"), Ct));
        Assert.Equal([Id("y")], await Store.ListBlockedAsync(Tokyo, Id("axb"), Ct));
        Assert.Equal([Id("z")], await Store.ListBlockedAsync(Tokyo, Id("a%"), Ct));
        Assert.Empty(await Store.ListBlockedAsync(Tokyo, Id("a"), Ct));
    }

    [SkippableFact]
    public async Task A_block_belongs_to_the_blocker_only()
    {
        await Store.AddBlockAsync(Tokyo, AliceBlocksBob, Ct);
        await Store.AddBlockAsync(Tokyo, new Block(Id("alice"), Id("carol")), Ct);

        Assert.Equal([Id("bob"), Id("carol")], await Store.ListBlockedAsync(Tokyo, Id("alice"), Ct));
        Assert.Empty(await Store.ListBlockedAsync(Tokyo, Id("bob"), Ct));
        Assert.False(await Store.RemoveBlockAsync(Tokyo, new Block(Id("bob"), Id("alice")), Ct));
    }

    [SkippableFact]
    public async Task Listing_blocks_returns_every_block_of_the_community()
    {
        Block[] blocks = [new(Id("carol"), Id("alice")), AliceBlocksBob, new(Id("bob"), Id("carol"))];
        foreach (var block in blocks)
        {
            await Store.AddBlockAsync(Tokyo, block, Ct);
        }

        Assert.Equal(blocks.OrderBy(b => b.Blocker.Value, StringComparer.Ordinal), await Store.ListBlocksAsync(Tokyo, Ct));
    }
}
