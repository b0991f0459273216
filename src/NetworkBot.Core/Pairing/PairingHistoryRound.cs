using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>The groups of one past round, so the engine can avoid putting the same people together again.</summary>
public sealed record PairingHistoryRound(IReadOnlyList<IReadOnlyList<MemberId>> Groups);
