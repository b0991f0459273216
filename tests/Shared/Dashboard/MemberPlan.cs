using NetworkBot.Core.Coffee;

namespace NetworkBot.Tests.Dashboard;

/// <summary>
/// What <see cref="CommunitySeeder"/> decided for one member and what happened to them so far: when they joined, how
/// readily they answer, whether and when they leave coffee chats or pause, and their run of unanswered rounds.
/// </summary>
internal sealed class MemberPlan(DateTimeOffset joinedAt, double answerRate)
{
    public DateTimeOffset JoinedAt { get; } = joinedAt;

    /// <summary>The chance they answer "did you meet?" in a round their group answers at all.</summary>
    public double AnswerRate { get; } = answerRate;

    public bool InCoffee { get; init; }

    public bool SkipNext { get; init; }

    /// <summary>The round from which they no longer take part (they left coffee chats); null while they stay.</summary>
    public int? LeavesAtRound { get; set; }

    /// <summary>The round from which a pause they chose keeps them out, until <see cref="PausedUntil"/>.</summary>
    public int? PausedFromRound { get; set; }

    public DateOnly? PausedUntil { get; set; }

    /// <summary>Paused by the bot for leaving too many rounds in a row unanswered; only they can lift it.</summary>
    public bool PausedForSilence { get; private set; }

    public int MissedRounds { get; private set; }

    /// <summary>Whether they are grouped in round <paramref name="round"/>, which starts at <paramref name="start"/> on <paramref name="today"/>.</summary>
    public bool TakesPart(int round, DateTimeOffset start, DateOnly today) =>
        InCoffee
        && JoinedAt < start
        && !(LeavesAtRound <= round)
        && !PausedForSilence
        && !(PausedFromRound <= round && PausedUntil > today);

    /// <summary>A closed round's answer or silence: silence <paramref name="pauseAfter"/> rounds in a row pauses them, as the bot does.</summary>
    public void Answered(bool answered, int pauseAfter)
    {
        MissedRounds = answered ? 0 : MissedRounds + 1;
        PausedForSilence |= MissedRounds >= pauseAfter;
    }

    /// <summary>Their coffee settings as stored at the end.</summary>
    public CoffeeEnrollment Enrollment() =>
        new(InCoffee && LeavesAtRound is null, PausedForSilence ? CoffeeEnrollment.PausedIndefinitely : PausedUntil, SkipNext) { MissedRounds = MissedRounds };
}
