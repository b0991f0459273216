using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Tests.Pairing;

public sealed class IndexedHistoryRoundTests
{
    [Property]
    public Property Every_group_reads_back_its_own_entries_whatever_the_mix_of_sizes()
    {
        // Rounds of pairs with a trio or two (kept compactly) and rounds of any sizes (kept with every start).
        var sizes = Gen.OneOf(
                Gen.Frequency((20, Gen.Constant(2)), (1, Gen.Choose(0, 4))).ArrayOf(),
                Gen.Choose(0, 6).ArrayOf());
        return Prop.ForAll(sizes.ToArbitrary(), groupSizes =>
        {
            var starts = new int[groupSizes.Length + 1];
            for (var g = 0; g < groupSizes.Length; g++)
            {
                starts[g + 1] = starts[g] + groupSizes[g];
            }

            // Entry i holds i, so a group read from the wrong place shows it.
            var entries = Enumerable.Range(0, starts[^1]).ToArray();
            var round = new IndexedHistoryRound(entries, starts);

            Assert.Equal(groupSizes.Length, round.GroupCount);
            for (var g = 0; g < groupSizes.Length; g++)
            {
                Assert.Equal(entries[starts[g]..starts[g + 1]], round.Group(g).ToArray());
            }
        });
    }

    [Fact]
    public void A_group_outside_the_round_is_refused()
    {
        var round = new IndexedHistoryRound([0, 1, 2, 3, 4], [0, 2, 5]);

        Assert.Equal([2, 3, 4], round.Group(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => round.Group(2).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => round.Group(-1).ToArray());
    }
}
