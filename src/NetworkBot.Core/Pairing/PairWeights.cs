namespace NetworkBot.Core.Pairing;

/// <summary>
/// The whole weight scale of the engine, in one place. A pair's weight is an integer, higher is better, and a
/// round is the grouping with the largest total. The scale is in tiers, each far above everything below it:
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Blocks are never weighed: a blocked pair is no edge at all (<see cref="Blocked"/> only steers the
/// fallback search).</item>
/// <item>Hard rules, relaxed only when no grouping keeps them, by penalties: a meeting within the cooldown
/// costs <see cref="CooldownMeeting"/> plus <see cref="CooldownRecencyStep"/> per round of recency, so the
/// oldest cooldown pairs are relaxed first; a same-industry pair under the ban costs
/// <see cref="SameIndustryBan"/>, a thousand times less, so the ban gives way before any cooldown does.</item>
/// <item>Repeats older than the cooldown cost <see cref="RepeatBase"/> and up to <see cref="RepeatFading"/>
/// more the more recent they are, per meeting; the cheapest repeat still outweighs <see cref="MaxPreference"/>,
/// every preference one pair can have together.</item>
/// <item>Preferences: the mode's criterion (<see cref="ModeMatch"/> per different industry or per shared
/// interest), then an offer meeting a seek, working-hours overlap and scarcity, then <see cref="Jitter"/>.
/// The mode's unit outweighs the other preferences combined, so a mode reaches its own optimum
/// nearly exactly and the rest break its ties.</item>
/// </list>
/// Totals stay far inside a long: a pair's penalties are capped at <see cref="PenaltyCap"/>, and 50,000
/// pairs of that sum to 5·10¹⁷.
/// </remarks>
internal static class PairWeights
{
    public const long Blocked = -(1L << 52);

    public const long PenaltyCap = 10_000_000_000_000;
    public const long CooldownMeeting = 10_000_000_000;
    public const long CooldownRecencyStep = 10_000_000;

    /// <summary>Recency steps beyond this add nothing, which keeps one cooldown meeting below twice the base.</summary>
    public const int MaxRecencySteps = 999;

    public const long SameIndustryBan = 10_000_000;

    public const long RepeatBase = 6_000;
    public const long RepeatFading = 4_000;

    /// <summary>A repeat <c>age</c> rounds ago (0 = the latest round) weighs <see cref="RepeatFading"/> in full, halving by 8 rounds.</summary>
    public const int RepeatFadingRounds = 8;

    public const long ModeMatch = 1_000;

    /// <summary>Shared interests beyond this many add nothing, so one pair with a long list cannot outweigh a repeat.</summary>
    public const int SharedInterestCap = 4;

    /// <summary>Per direction: one member offers an item the other seeks.</summary>
    public const long OfferSeek = 120;

    /// <summary>Working hours are 09:00–18:00 local; one point per <see cref="OverlapMinutesPerPoint"/> minutes of overlap.</summary>
    public const int WorkingDayMinutes = 9 * 60;

    public const int OverlapMinutesPerPoint = 5;

    public const long MaxOverlap = WorkingDayMinutes / OverlapMinutesPerPoint;

    /// <summary>When either time zone is unknown, the overlap is taken as half a day: better than none, worse than all.</summary>
    public const long UnknownOverlap = MaxOverlap / 2;

    /// <summary>
    /// A pair who have never met earns <c>Scarcity / u</c> for each member, where u is how many members of the round
    /// that member can still meet for the first time. Members with few fresh partners left are served first,
    /// so a long rotation does not paint itself into a corner where only repeats remain.
    /// </summary>
    public const long Scarcity = 250;

    /// <summary>Seeded per pair, 0 to this: decides between otherwise equal groupings, differently per seed.</summary>
    public const long Jitter = 15;

    public const long MaxPreference =
        (ModeMatch * SharedInterestCap) + (2 * OfferSeek) + MaxOverlap + (2 * Scarcity) + Jitter;
}
