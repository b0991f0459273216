using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Intro;

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

    /// <summary>As the member wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string? Pitch { get; init => field = UserText.Literal(value); } = UserText.Literal(Pitch);

    /// <summary>As the member wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string? Role { get; init => field = UserText.Literal(value); } = UserText.Literal(Role);

    /// <summary>As the member wrote it, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string? Industry { get; init => field = UserText.Literal(value); } = UserText.Literal(Industry);

    /// <summary>As the member wrote them, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public IReadOnlyList<string> Offers { get; init => field = UserText.Literal(value); } = UserText.Literal(Offers);

    /// <summary>As the member wrote them, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public IReadOnlyList<string> Seeks { get; init => field = UserText.Literal(value); } = UserText.Literal(Seeks);

    /// <summary>As the member wrote them, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public IReadOnlyList<string> Interests { get; init => field = UserText.Literal(value); } = UserText.Literal(Interests);

    /// <summary>Whether the member may be asked to meet someone who is looking for what they offer (<c>/ask</c>).</summary>
    public bool OpenToIntros { get; init; } = true;

    public static Profile Empty { get; } = new(null, null, null, [], [], [], null, null);

    public bool IsEmpty => Pitch is null && Role is null && Industry is null
        && Offers.Count == 0 && Seeks.Count == 0 && Interests.Count == 0;
}
