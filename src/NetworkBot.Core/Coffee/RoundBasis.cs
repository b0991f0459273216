using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// What a round was decided from, as read: the members it grouped (with their versions) and, for a scheduled round,
/// the schedule with the occurrence marked handled (with the version it was read at). <see cref="ICoffeeStore.SaveRoundAsync"/>
/// stores the round only while all of them are unchanged, so a pause or a cancel made while the round was being worked
/// out is never undone by it.
/// </summary>
public sealed record RoundBasis(IReadOnlyList<Member> Members, CoffeeSchedule? Schedule);
