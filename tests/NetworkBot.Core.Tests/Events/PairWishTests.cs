using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Events;

/// <summary>"Pair me with attendees I didn't meet" feeds the next coffee round.</summary>
public sealed class PairWishTests : CommandTestBase
{
    [Fact]
    public async Task A_wish_makes_the_next_round_pair_the_two_whatever_the_seed()
    {
        await Harness.AddMemberAsync("chen", "Chen Wei");
        foreach (var id in new[] { "mana", "aiko", "ben", "chen" })
        {
            await Harness.TypeAsync(id, "/coffee join");
        }

        await Harness.Store.SavePairWishesAsync(CommandHarness.Community, new MemberId("chen"), [new MemberId("aiko")], CommandHarness.Start, CancellationToken.None);

        for (var seed = 1; seed <= 20; seed++)
        {
            var plan = await Harness.Get<CoffeeRounds>().PlanAsync(CommandHarness.Community, RoundSettings.Default, seed, CancellationToken.None);
            var groups = Assert.IsType<PairingOutcome.Success>(plan.Outcome).Result.Groups;
            Assert.Contains(groups, g => g.Contains(new MemberId("chen")) && g.Contains(new MemberId("aiko")));
        }
    }
}
