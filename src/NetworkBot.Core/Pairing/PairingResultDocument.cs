namespace NetworkBot.Core.Pairing;

/// <summary>The result as written to JSON, with member ids as plain strings.</summary>
internal sealed record PairingResultDocument(IReadOnlyList<IReadOnlyList<string>> Groups, long Seed, PairingStats Stats);
