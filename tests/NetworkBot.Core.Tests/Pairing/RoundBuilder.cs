using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Tests.Pairing;

/// <summary>Short ways to write rounds in tests: members are u1, u2, … unless named.</summary>
internal static class RoundBuilder
{
    public static PairingMember Member(string id, string? industry = null, string[]? interests = null, string[]? blocked = null) =>
        new(new MemberId(id), industry, interests ?? [], null, (blocked ?? []).Select(b => new MemberId(b)).ToArray());

    public static PairingMember[] Members(int count) =>
        Enumerable.Range(1, count).Select(i => Member($"u{i}")).ToArray();

    public static PairingHistoryRound Past(params string[][] groups) =>
        new(groups.Select(group => (IReadOnlyList<MemberId>)group.Select(id => new MemberId(id)).ToArray()).ToArray());

    public static PairingRequest Request(
        IReadOnlyList<PairingMember> members,
        int groupSize = 2,
        long seed = 1,
        PairingMode mode = PairingMode.Random,
        int cooldownRounds = 12,
        params PairingHistoryRound[] history) =>
        new(groupSize, seed, mode, cooldownRounds, members, history);

    public static PairingResult Succeeds(PairingRequest request)
    {
        var outcome = new PairingEngine().Match(request);
        var success = Assert.IsType<PairingOutcome.Success>(outcome);
        PairingContract.AssertHolds(request, success.Result);
        return success.Result;
    }

    public static PairingOutcome.Failure Fails(PairingRequest request, PairingFailureKind kind)
    {
        var failure = Assert.IsType<PairingOutcome.Failure>(new PairingEngine().Match(request));
        Assert.Equal(kind, failure.Kind);
        AssertIsOneSentence(failure.Message);
        return failure;
    }

    public static void AssertIsOneSentence(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
    }

    /// <summary>The groups as sets of ids, so tests can say "u1 and u4 are together" without caring about order.</summary>
    public static string[][] Ids(PairingResult result) =>
        result.Groups.Select(group => group.Select(id => id.Value).ToArray()).ToArray();

    public static bool Together(PairingResult result, string first, string second) =>
        Ids(result).Any(group => group.Contains(first) && group.Contains(second));
}
