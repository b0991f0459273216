namespace NetworkBot.Core.Pairing;

/// <summary>The request as it arrives in JSON: everything optional, so a missing field can be named, not thrown.</summary>
internal sealed record PairingRequestDocument(
    int? GroupSize,
    long? Seed,
    string? Mode,
    int? CooldownRounds,
    IReadOnlyList<PairingMemberDocument?>? Members,
    IReadOnlyList<PairingHistoryDocument?>? History,
    bool? SameIndustryBan = null,
    DateTimeOffset? ReferenceTime = null);
