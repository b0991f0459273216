using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>The groups of a round, the seed that made them and how they score.</summary>
public sealed record PairingResult(IReadOnlyList<IReadOnlyList<MemberId>> Groups, long Seed, PairingStats Stats);
