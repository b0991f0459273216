using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Rotation;

/// <summary>The real engine, random mode, pairs, every earlier round fed back as history with cooldown = N.</summary>
internal sealed class EngineRotation(IReadOnlyList<PairingMember> members, long seed) : IRotationStrategy
{
    private readonly PairingEngine engine = new();
    private readonly Dictionary<MemberId, int> indexOf =
        members.Select((member, index) => (member.Id, index)).ToDictionary(entry => entry.Id, entry => entry.index);

    public string Name => "engine";

    public int[][] NextRound(IReadOnlyList<int[][]> history)
    {
        var request = new PairingRequest(
            GroupSize: 2,
            Seed: (seed * 1_000) + history.Count,
            Mode: PairingMode.Random,
            CooldownRounds: members.Count,
            Members: members,
            History: new PairingHistory(history.Select(round => new PairingHistoryRound(
                round.Select(group => (IReadOnlyList<MemberId>)group.Select(index => members[index].Id).ToArray()).ToArray())).ToArray()));
        return engine.Match(request) switch
        {
            PairingOutcome.Success success => success.Result.Groups.Select(group => group.Select(id => indexOf[id]).ToArray()).ToArray(),
            PairingOutcome.Failure failure => throw new InvalidOperationException($"Rotation round {history.Count + 1}: {failure.Message}"),
            _ => throw new InvalidOperationException("Unknown pairing outcome."),
        };
    }
}
