namespace NetworkBot.Core.Pairing;

/// <summary>One member as it arrives in JSON.</summary>
internal sealed record PairingMemberDocument(
    string? Id,
    string? Industry,
    IReadOnlyList<string?>? Interests,
    string? Timezone,
    IReadOnlyList<string?>? Blocked,
    IReadOnlyList<string?>? Offers = null,
    IReadOnlyList<string?>? Seeks = null);
