using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Generation;

/// <summary>A generated community: its members and the rounds the engine already paired for it, oldest first.</summary>
internal sealed record SyntheticCommunity(
    CommunitySpec Spec,
    IReadOnlyList<SyntheticMember> Members,
    IReadOnlyList<PairingHistoryRound> History)
{
    public PairingRequest ToRequest() =>
        new(Spec.GroupSize, Spec.Seed, Spec.Mode, Spec.CooldownRounds, Members.Select(member => member.ToPairingMember()).ToArray(), History);
}
