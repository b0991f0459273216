namespace NetworkBot.Pairing.Json;

/// <summary>One member as it arrives in JSON.</summary>
internal sealed record PairingMemberDocument(
    string? Id,
    string? Industry,
    string?[]? Interests,
    string? Timezone,
    string?[]? Blocked,
    string?[]? Offers = null,
    string?[]? Seeks = null);
