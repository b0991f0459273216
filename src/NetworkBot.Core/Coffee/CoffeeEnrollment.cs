namespace NetworkBot.Core.Coffee;

/// <summary>Whether a member takes part in coffee rounds, and any pause or skip they asked for.</summary>
public sealed record CoffeeEnrollment(bool Joined, DateOnly? PausedUntil, bool SkipNext)
{
    /// <summary>Rounds in a row the member left "did you meet?" unanswered; three pause them.</summary>
    public int MissedRounds { get; init; }

    public static CoffeeEnrollment NotJoined { get; } = new(false, null, false);

    /// <summary>
    /// The pause with no end date: after three unanswered rounds, or when the member left the server. Only
    /// <c>/coffee join</c> lifts it; no date a member can choose reaches it.
    /// </summary>
    public static DateOnly PausedIndefinitely => DateOnly.MaxValue;

    /// <summary>True when the member should be matched in a round held on <paramref name="today"/>.</summary>
    public bool IsAvailableOn(DateOnly today) => Joined && !SkipNext && (PausedUntil is null || PausedUntil <= today);
}
