using NetworkBot.Core.Pairing;
using static NetworkBot.Core.Tests.Pairing.RoundBuilder;

namespace NetworkBot.Core.Tests.Pairing;

/// <summary>A stable membership run round after round, each round fed back as history: a near-perfect round robin.</summary>
public sealed class PairingRotationTests
{
    [Fact]
    public void Twenty_members_meet_everyone_once_over_nineteen_rounds()
    {
        var rotation = Rotate(memberCount: 20, rounds: 19, seed: 20);

        Assert.Equal(0, rotation.Repeats);
        Assert.Equal(190, rotation.DistinctPairs);
    }

    [Fact]
    public void Sixty_members_over_fifty_nine_rounds_repeat_at_most_one_pair()
    {
        var rotation = Rotate(memberCount: 60, rounds: 59, seed: 60);

        Assert.InRange(rotation.Repeats, 0, 1);
        Assert.Equal(0, rotation.RepeatsInFirstHalf);
    }

    [Fact]
    public void Twenty_one_members_never_leave_anyone_out()
    {
        // Odd: each round is nine pairs and a trio, so some repeats are unavoidable; nobody is ever left out.
        var rotation = Rotate(memberCount: 21, rounds: 20, seed: 21);

        Assert.All(rotation.Rounds, round =>
        {
            Assert.Equal(21, round.Groups.Sum(group => group.Count));
            Assert.Single(round.Groups, group => group.Count == 3);
        });
        Assert.Equal(0, rotation.RepeatsInFirstHalf);
    }

    private static Rotation Rotate(int memberCount, int rounds, long seed)
    {
        var members = Members(memberCount);
        var history = new List<PairingHistoryRound>();
        var met = new HashSet<(string, string)>();
        var results = new List<PairingResult>();
        var (repeats, firstHalf) = (0, 0);
        for (var round = 0; round < rounds; round++)
        {
            var result = Succeeds(Request(members, seed: seed + round, cooldownRounds: memberCount, history: [.. history]));
            foreach (var pair in PairingContract.WithinGroupPairs(result))
            {
                if (!met.Add(pair))
                {
                    repeats++;
                    firstHalf += round < rounds / 2 ? 1 : 0;
                }
            }

            results.Add(result);
            history.Add(new PairingHistoryRound(result.Groups));
        }

        return new Rotation(results, repeats, firstHalf, met.Count);
    }

    private sealed record Rotation(IReadOnlyList<PairingResult> Rounds, int Repeats, int RepeatsInFirstHalf, int DistinctPairs);
}
