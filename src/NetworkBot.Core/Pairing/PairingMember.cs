using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// One member taking part in a round, as the engine sees them. <see cref="Blocked"/> lists the members they
/// never want to meet; a block by either side keeps two members apart.
/// </summary>
public sealed record PairingMember(
    MemberId Id,
    string? Industry,
    IReadOnlyList<string> Interests,
    string? TimeZone,
    IReadOnlyList<MemberId> Blocked)
{
    /// <summary>What the member can give (advice, skills, introductions); matched case-insensitively against others' <see cref="Seeks"/>.</summary>
    public IReadOnlyList<string> Offers { get; init; } = [];

    /// <summary>What the member is looking for; matched case-insensitively against others' <see cref="Offers"/>.</summary>
    public IReadOnlyList<string> Seeks { get; init; } = [];
}
