namespace NetworkBot.Core.Coffee;

/// <summary>
/// How many pairs of members met whose industries are <paramref name="A"/> and <paramref name="B"/> (either way round),
/// exactly as the members wrote them: whether two industries differ is the dashboard's rule (it trims and ignores
/// case), so the store counts by the raw values and leaves the deciding to it. A member the community no longer has
/// counts with a null industry.
/// </summary>
public sealed record IndustryPairs(string? A, string? B, int Pairs);
