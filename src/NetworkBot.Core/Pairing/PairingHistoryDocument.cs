namespace NetworkBot.Core.Pairing;

/// <summary>One past round as it arrives in JSON.</summary>
internal sealed record PairingHistoryDocument(IReadOnlyList<IReadOnlyList<string?>?>? Groups);
