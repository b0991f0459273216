using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Tests.Pairing;

public sealed class PairingEnginePropertyTests
{
    private static readonly Arbitrary<RoundCase> Rounds = (
        from memberCount in Gen.Choose(2, 120)
        from groupSize in Gen.Frequency((9, Gen.Choose(2, 8)), (1, Gen.Elements(0, 1, 9)))
        from mode in Gen.Elements(Enum.GetValues<PairingMode>())
        from cooldown in Gen.Choose(0, 4)
        from blockPercent in Gen.Elements(0, 2, 5, 10)
        from historyRounds in Gen.Choose(0, 4)
        from seed in Gen.Choose(int.MinValue, int.MaxValue)
        from dataSeed in Gen.Choose(0, int.MaxValue)
        select new RoundCase(memberCount, groupSize, mode, cooldown, blockPercent, historyRounds, seed * 7919L, dataSeed))
        .ToArbitrary();

    [Property]
    public Property Every_round_either_meets_the_contract_or_fails_for_a_justified_reason() =>
        Prop.ForAll(Rounds, round =>
        {
            var request = round.ToRequest();
            var outcome = new PairingEngine().Match(request);
            var shapeFailure = PairingContract.ShapeFailure(request.Members.Count, request.GroupSize);
            if (shapeFailure is { } kind)
            {
                Assert.Equal(kind, Assert.IsType<PairingOutcome.Failure>(outcome).Kind);
                return;
            }

            switch (outcome)
            {
                case PairingOutcome.Success success:
                    PairingContract.AssertHolds(request, success.Result);
                    break;
                case PairingOutcome.Failure failure:
                    // Hajnal–Szemerédi: blocks of max degree Δ always allow an equitable split into k ≥ Δ + 1
                    // groups, which is exactly our group shape; so a block failure is only allowed when Δ ≥ k.
                    Assert.Equal(PairingFailureKind.BlocksLeaveNoGrouping, failure.Kind);
                    Assert.True(PairingContract.MaxBlockDegree(request) >= request.Members.Count / request.GroupSize);
                    RoundBuilder.AssertIsOneSentence(failure.Message);
                    break;
            }
        });

    [Property]
    public Property The_same_request_and_seed_give_identical_output() =>
        Prop.ForAll(Rounds, round =>
        {
            var request = round.ToRequest();
            var first = new PairingEngine().Match(request);
            var second = new PairingEngine().Match(round.ToRequest());
            Assert.Equal(Describe(first), Describe(second));
        });

    [Property]
    public Property Pairs_with_an_odd_count_give_exactly_one_trio_and_leave_nobody_out() =>
        Prop.ForAll(Rounds.Filter(round => round.MemberCount % 2 == 1), round =>
        {
            var request = round.ToRequest() with { GroupSize = 2 };
            if (new PairingEngine().Match(request) is PairingOutcome.Success success)
            {
                Assert.Single(success.Result.Groups, group => group.Count == 3);
                Assert.Equal(request.Members.Count, success.Result.Groups.Sum(group => group.Count));
            }
        });

    private static string Describe(PairingOutcome outcome) => outcome switch
    {
        PairingOutcome.Success success =>
            string.Join(" | ", success.Result.Groups.Select(group => string.Join(",", group))) + $" {success.Result.Stats}",
        PairingOutcome.Failure failure => $"{failure.Kind}: {failure.Message}",
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
