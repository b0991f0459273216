using NetworkBot.Core.Pairing;

namespace NetworkBot.Pairing.Json;

/// <summary>The request as it arrives in JSON: everything optional, so a missing field can be named, not thrown.</summary>
internal sealed record PairingRequestDocument(
    int? GroupSize,
    long? Seed,
    string? Mode,
    int? CooldownRounds,
    IReadOnlyList<PairingMemberDocument?>? Members,
    IPairingHistory? History,
    bool? SameIndustryBan = null,
    DateTimeOffset? ReferenceTime = null)
{
    /// <summary>
    /// The field of the first history round, group or member id that is null, such as <c>history[2].groups[0][1]</c>;
    /// null when there is none. The rounds in <see cref="History"/> leave those out.
    /// </summary>
    public string? NullInHistory { get; init; }
}
