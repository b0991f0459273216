namespace NetworkBot.Core.Domain;

/// <summary>
/// A member's self-introduction: a 15-second pitch, what they do, what they can offer (give) and what
/// they look for (ask), interests, and where and how to reach them.
/// </summary>
public sealed record Profile(
    string? Pitch,
    string? Role,
    string? Industry,
    IReadOnlyList<string> Offers,
    IReadOnlyList<string> Seeks,
    IReadOnlyList<string> Interests,
    string? TimeZone,
    Language? Language)
{
    public const int MaxPitchLength = 280;

    public static Profile Empty { get; } = new(null, null, null, [], [], [], null, null);

    public bool IsEmpty => Pitch is null && Role is null && Industry is null
        && Offers.Count == 0 && Seeks.Count == 0 && Interests.Count == 0;
}
