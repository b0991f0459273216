using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Tests.Dashboard;

/// <summary>
/// A community small enough to work its dashboard out by hand (the figures the tests expect are derived in the comments
/// below), stored through the real store. Six members, two rounds a week apart, three connections (two from rounds, one
/// made at an event), two interest groups, a coming event with a waitlist and a past occurrence with attendees.
/// </summary>
internal static class SmallCommunity
{
    public static readonly CommunityId Id = CommunityId.For("shell", "dash");

    /// <summary>ann Finance, ben Design, cat "finance" (the same industry), dan no industry and paused, eve Law and not in coffee, fay Design and joined after round 1.</summary>
    public static readonly (string Id, string Name, string? Industry, bool Coffee, int JoinedDaysAgo)[] People =
    [
        ("ann", "Ann Abe", "Finance", true, 30),
        ("ben", "Ben 別府", "Design", true, 30),
        ("cat", "Cat 田中", "finance", true, 30),
        ("dan", "Dan", null, true, 30),
        ("eve", "Eve 江藤", "Law", false, 30),
        ("fay", "Fay", "Design", true, 10),
    ];

    public static readonly EventId Pitch = new("pitch001");
    public static readonly EventId Lunch = new("lunch001");

    /// <summary>Round 1 started 14 days before <c>now</c>, round 2 seven days before.</summary>
    public static DateTimeOffset Round1(DateTimeOffset now) => now.AddDays(-14);

    public static DateTimeOffset Round2(DateTimeOffset now) => now.AddDays(-7);

    /// <summary>When the lunch's past occurrence started (and closed with ann, ben and eve going).</summary>
    public static DateTimeOffset LunchOccurrence(DateTimeOffset now) => now.AddDays(-3);

    public static async Task<(RoundRecord Round1, RoundRecord Round2)> SeedAsync(IStore store, DateTimeOffset now, Language language, CancellationToken ct)
    {
        await store.SaveCommunityAsync(new Community(Id, "Dash 交流会", CommunitySettings.Default with { Language = language }, now.AddDays(-60)), ct);
        await store.SaveMembersAsync(
            [.. People.Select(p => new Member(
                Id,
                new MemberId(p.Id),
                p.Name,
                Profile.Empty with { Industry = p.Industry },
                p.Id == "dan" ? new CoffeeEnrollment(true, DateOnly.FromDateTime(now.AddDays(30).UtcDateTime), false)
                    : p.Coffee ? new CoffeeEnrollment(true, null, false) : CoffeeEnrollment.NotJoined,
                now.AddDays(-p.JoinedDaysAgo)))],
            ct);

        // Round 1: [ann ben] met (both answered), [cat dan] silent.
        var round1 = await SaveRoundAsync(store, RoundId.New(), Round1(now), [["ann", "ben"], ["cat", "dan"]], ct);
        await AnswerAsync(store, round1, 0, "ann", MeetingOutcome.Met, MeetingOutcome.Met, now.AddDays(-13), ct);
        await AnswerAsync(store, round1, 0, "ben", MeetingOutcome.Met, MeetingOutcome.Met, now.AddDays(-13), ct);

        // Round 2 (dan paused), a scheduled one (its id holds ':' and '@'): [ann cat] met, [ben fay] not yet by ben's answer.
        var round2 = await SaveRoundAsync(store, RoundId.ForOccurrence(Id, Round2(now)), Round2(now), [["ann", "cat"], ["ben", "fay"]], ct);
        await AnswerAsync(store, round2, 0, "ann", MeetingOutcome.Met, MeetingOutcome.Met, now.AddDays(-6), ct);
        await AnswerAsync(store, round2, 0, "cat", MeetingOutcome.Met, MeetingOutcome.Met, now.AddDays(-6), ct);
        await AnswerAsync(store, round2, 1, "ben", MeetingOutcome.NotYet, MeetingOutcome.NotYet, now.AddDays(-6), ct);

        await SeedInterestsAsync(store, now, ct);
        await SeedEventsAsync(store, now, ct);
        return (await store.GetRoundAsync(Id, round1.Round.Id, ct) ?? round1, await store.GetRoundAsync(Id, round2.Round.Id, ct) ?? round2);
    }

    private static async Task<RoundRecord> SaveRoundAsync(IStore store, RoundId id, DateTimeOffset start, string[][] groups, CancellationToken ct)
    {
        var round = new Round(Id, id, start, 2, PairingMode.CrossIndustry, 7);
        var record = new RoundRecord(round, [.. groups.Select(g => new Group(round.Id, GroupId.New(), [.. g.Select(m => new MemberId(m))], MeetingOutcome.Unknown))]);
        await store.SaveRoundAsync(record, new RoundBasis([], null), [], ct);
        return record;
    }

    /// <summary>Records an answer as the meeting-answers handler does: on the group's current version, with the connections a "met" group makes.</summary>
    private static async Task AnswerAsync(
        IStore store, RoundRecord round, int group, string member, MeetingOutcome answer, MeetingOutcome outcome, DateTimeOffset at, CancellationToken ct)
    {
        var stored = (await store.GetRoundAsync(Id, round.Round.Id, ct))!.Groups[group];
        IReadOnlyList<Connection> made = outcome == MeetingOutcome.Met
            ? [Connection.Between(Id, stored.Members[0], stored.Members[1], at)]
            : [];
        await store.RecordAnswerAsync(Id, new GroupAnswer(stored.Id, new MemberId(member), answer, at), outcome, stored.Version, made, ct);
    }

    /// <summary>AI: ann, ben, cat; Coffee: eve.</summary>
    private static async Task SeedInterestsAsync(IStore store, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (name, joined) in new[] { ("AI", new[] { "ann", "ben", "cat" }), ("Coffee", new[] { "eve" }) })
        {
            var interest = new Interest(Id, InterestId.New(), name, null, false, null, null, now.AddDays(-40));
            await store.CreateInterestAsync(interest, [], ct);
            foreach (var m in joined)
            {
                await store.AddInterestMemberAsync(Id, interest.Id, new MemberId(m), ct);
            }
        }
    }

    /// <summary>
    /// The pitch (capacity 2, in three days): ann and ben going, cat waitlisted, dan maybe, eve not going. The lunch: its
    /// occurrence three days ago closed with ann, ben and eve going; ben and eve both pressed "connect" (a connection),
    /// ann pressed it for ben alone (none).
    /// </summary>
    private static async Task SeedEventsAsync(IStore store, DateTimeOffset now, CancellationToken ct)
    {
        var pitch = new Event(Id, Pitch, "Morning pitch 朝活", null, now.AddDays(3), TimeSpan.FromHours(1), "UTC", "Tokyo", 2, false) { CreatedAt = now.AddDays(-20) };
        await store.SaveEventAsync(pitch, [], _ => [], ct);
        foreach (var (member, status) in new[] { ("ann", RsvpStatus.Going), ("ben", RsvpStatus.Going), ("cat", RsvpStatus.Going), ("dan", RsvpStatus.Maybe), ("eve", RsvpStatus.NotGoing) })
        {
            await store.RespondAsync(Id, Pitch, new MemberId(member), status, now.AddDays(-1), _ => [], ct);
        }

        var lunch = new Event(Id, Lunch, "Lunch", null, LunchOccurrence(now), TimeSpan.FromHours(1), "UTC", null, null, false) { CreatedAt = now.AddDays(-20) };
        await store.SaveEventAsync(lunch, [], _ => [], ct);
        foreach (var member in new[] { "ann", "ben", "eve" })
        {
            await store.RespondAsync(Id, Lunch, new MemberId(member), RsvpStatus.Going, now.AddDays(-4), _ => [], ct);
        }

        var stored = (await store.GetEventAsync(Id, Lunch, ct))!;
        await store.CloseOccurrenceAsync(stored with { Start = now.AddDays(4) }, stored.Start, [new("ann"), new("ben"), new("eve")], [], ct);
        await store.WishConnectionAsync(Id, Lunch, new MemberId("ben"), new MemberId("eve"), now.AddDays(-2), ct);
        await store.WishConnectionAsync(Id, Lunch, new MemberId("eve"), new MemberId("ben"), now.AddDays(-2), ct);
        await store.WishConnectionAsync(Id, Lunch, new MemberId("ann"), new MemberId("ben"), now.AddDays(-2), ct);
    }
}
