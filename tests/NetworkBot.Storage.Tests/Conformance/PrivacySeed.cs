using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>
/// A community in which one member, Erin, has a row in every table that can hold a member: profile, blocks both ways,
/// pair wishes both ways, an interest, a met group with answers, connections, an RSVP, attendance and event connects both
/// ways, an event she created, a manager's place with a dashboard link and session, DMs delivered and not, group and
/// channel messages naming her, an ask she made (introduced to Ann after Bob declined), and her candidate rows in others'
/// asks: an open one she is asked in, one that introduced her, one she declined that introduced Ann; and an ask of Ann's
/// that has nothing of hers. Written through the import (every provider's own path for whole rows) and the dashboard store.
/// </summary>
internal static class PrivacySeed
{
    public const string ErinName = "Erin Quillfeather";

    public static readonly MemberId Erin = new("t:erin");
    public static readonly MemberId Ann = new("t:ann");
    public static readonly MemberId Bob = new("t:bob");
    public static readonly MemberId Cy = new("t:cy");

    private static readonly string At = TextValues.Instant(TestData.T0);

    public static async Task SeedAsync(IStore store, CommunityId community, CancellationToken ct)
    {
        var refused = await ((IExportStore)store).ImportCommunitiesAsync([Seeded(community)], ct);
        Assert.Null(refused);
        await store.SaveSignInLinkAsync(new DashboardSignInLink($"link-{community.Value}", community, Erin, TestData.T0, TestData.T0.AddDays(1)), ct);
        await store.SaveSessionAsync(new DashboardSession($"session-{community.Value}", $"h-{community.Value}", community, Erin, TestData.T0, TestData.T0.AddDays(1)), ct);
    }

    public static CommunityExport Seeded(CommunityId community) => new(community, new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>
    {
        ["community"] = [Row("community", ("name", "Tokyo"), ("language", "en"), ("timeZone", "UTC"),
            ("managers", StoredJson.Write([Erin, Ann])), ("createdAt", At), ("retentionDays", 30L),
            ("introRequestsPerWeek", 2L), ("openAsksPerMember", 3L))],
        ["members"] = [MemberRow(Erin, ErinName), MemberRow(Ann, "Ann Lee"), MemberRow(Bob, "Bob Hart"), MemberRow(Cy, "Cy Moss")],
        ["blocks"] = [Block(Erin, Ann), Block(Bob, Erin), Block(Ann, Bob)],
        ["pairWishes"] = [Wish(Erin, Bob), Wish(Cy, Erin)],
        ["interests"] = [Row("interests", ("interestId", "i1"), ("name", "AI"), ("archived", false), ("createdAt", At), ("spacePending", false))],
        ["interestMembers"] = [Row("interestMembers", ("interestId", "i1"), ("memberId", Erin.Value)), Row("interestMembers", ("interestId", "i1"), ("memberId", Ann.Value))],
        ["rounds"] = [Row("rounds", ("roundId", "r1"), ("startedAt", At), ("groupSize", 2L), ("mode", "CrossIndustry"), ("seed", 7L), ("version", 0L))],
        ["roundGroups"] = [Group("g1", 0, "Met"), Group("g2", 1, "Unknown")],
        ["groupMembers"] = [GroupMember("g1", Erin, 0), GroupMember("g1", Ann, 1), GroupMember("g2", Bob, 0), GroupMember("g2", Cy, 1)],
        ["groupAnswers"] = [Answer("g1", Erin), Answer("g1", Ann)],
        ["connections"] = [Connection(Ann, Erin), Connection(Cy, Erin), Connection(Bob, Cy)],
        ["events"] = [Event("e1", Erin), Event("e2", Ann)],
        ["rsvps"] = [Rsvp("e1", Erin), Rsvp("e2", Ann)],
        ["eventAttendees"] = [Row("eventAttendees", ("eventId", "e1"), ("occurrence", At), ("memberId", Erin.Value)),
            Row("eventAttendees", ("eventId", "e1"), ("occurrence", At), ("memberId", Ann.Value))],
        ["eventConnects"] = [Connect(Erin, Ann), Connect(Ann, Erin)],
        ["asks"] =
        [
            Ask("a1", Erin, "Introduced", Ann), Ask("a2", Ann, "Open", null), Ask("a3", Bob, "Introduced", Erin, connected: true),
            Ask("a4", Cy, "Introduced", Ann), Ask("a5", Ann, "Expired", null),
        ],
        ["askCandidates"] =
        [
            Candidate("a1", Bob, 0, "Declined"), Candidate("a1", Ann, 1, "Accepted"),
            Candidate("a2", Erin, 0, "Asked"), Candidate("a2", Cy, 1, "Waiting"),
            Candidate("a3", Cy, 0, "Declined"), Candidate("a3", Erin, 1, "Accepted"),
            Candidate("a4", Erin, 0, "Declined"), Candidate("a4", Ann, 1, "Accepted"),
            Candidate("a5", Bob, 0, "NoAnswer"),
        ],
        ["outbox"] =
        [
            Outbox("export:t:erin", MessageTarget.ToMember(Erin), $"{ErinName}, here is your data", delivered: true),
            Outbox("welcome:t:erin", MessageTarget.ToMember(Erin), $"Welcome, {ErinName}", delivered: false),
            Outbox("intro:g1", MessageTarget.ToGroup("coffee", [Erin, Ann]), $"{ErinName} and Ann Lee, meet each other", delivered: true),
            Outbox("checkin:g1", MessageTarget.ToGroup("coffee", [Erin, Ann]), $"Did you meet, {ErinName} and Ann Lee?", delivered: false),
            Outbox("checkin:g2", MessageTarget.ToGroup("coffee", [Bob, Cy]), "Did you meet, Bob Hart and Cy Moss?", delivered: false),
            Outbox("post:intro:t:erin", MessageTarget.ToChannel("intro"), $"Say hello to {ErinName} <@{Erin.Value}>", delivered: true),
            Outbox("match:t:ann", MessageTarget.ToMember(Ann), $"You meet {ErinName} this week", delivered: false),
            Outbox("dm:t:bob", MessageTarget.ToMember(Bob), "Your round starts", delivered: false),
        ],
    });

    /// <summary>A row of <paramref name="table"/>: the fields named, the others null.</summary>
    public static IReadOnlyList<object?> Row(string table, params (string Field, object? Value)[] values)
    {
        var fields = ExportFormat.Tables.Single(t => t.Name == table).Fields;
        var row = new object?[fields.Count];
        foreach (var (field, value) in values)
        {
            var index = fields.ToList().FindIndex(f => f.Name == field);
            Assert.True(index >= 0, $"{table} has no field {field}");
            row[index] = value;
        }

        return row;
    }

    private static IReadOnlyList<object?> MemberRow(MemberId id, string name) =>
        Row("members", ("memberId", id.Value), ("displayName", name), ("offers", "[]"), ("seeks", "[]"), ("interests", "[]"),
            ("coffeeJoined", true), ("coffeeSkipNext", false), ("joinedAt", At), ("missedRounds", 1L), ("version", 0L), ("openToIntros", true));

    private static IReadOnlyList<object?> Ask(string id, MemberId asker, string status, MemberId? introducedTo, bool connected = false) =>
        Row("asks", ("askId", id), ("asker", asker.Value), ("request", $"someone who knows payments ({id})"), ("createdAt", At),
            ("expiresAt", At), ("status", status), ("introducedTo", introducedTo?.Value), ("introducedAt", introducedTo is null ? null : At),
            ("connectedAt", connected ? At : null), ("nextStepAt", status == "Open" ? At : null), ("version", 1L));

    private static IReadOnlyList<object?> Candidate(string ask, MemberId member, long position, string status) =>
        Row("askCandidates", ("askId", ask), ("memberId", member.Value), ("position", position), ("offer", "fintech compliance"),
            ("status", status), ("askedAt", status == "Waiting" ? null : At), ("answeredAt", status is "Accepted" or "Declined" ? At : null));

    private static IReadOnlyList<object?> Block(MemberId one, MemberId other) =>
        Row("blocks", ("blockerId", one.Value), ("blockedId", other.Value));

    private static IReadOnlyList<object?> Wish(MemberId one, MemberId other) =>
        Row("pairWishes", ("memberId", one.Value), ("otherId", other.Value), ("wishedAt", At));

    private static IReadOnlyList<object?> Group(string id, long position, string outcome) =>
        Row("roundGroups", ("groupId", id), ("roundId", "r1"), ("position", position), ("outcome", outcome), ("version", 0L));

    private static IReadOnlyList<object?> GroupMember(string group, MemberId member, long position) =>
        Row("groupMembers", ("groupId", group), ("memberId", member.Value), ("position", position));

    private static IReadOnlyList<object?> Answer(string group, MemberId member) =>
        Row("groupAnswers", ("groupId", group), ("memberId", member.Value), ("answer", "Met"), ("answeredAt", At));

    private static IReadOnlyList<object?> Connection(MemberId a, MemberId b) =>
        Row("connections", ("memberA", a.Value), ("memberB", b.Value), ("since", At));

    private static IReadOnlyList<object?> Event(string id, MemberId creator) =>
        Row("events", ("eventId", id), ("title", $"Meetup {id}"), ("startAt", At), ("durationTicks", TimeSpan.TicksPerHour), ("timeZone", "UTC"),
            ("cancelled", false), ("repeatIntervalWeeks", 1L), ("repeatWeekOfMonth", 0L), ("reminders", "1440,60"), ("remindMaybe", false),
            ("createdBy", creator.Value), ("createdAt", At), ("sequence", 0L), ("finished", false), ("icebreaker", false), ("version", 0L));

    private static IReadOnlyList<object?> Rsvp(string ev, MemberId member) =>
        Row("rsvps", ("eventId", ev), ("memberId", member.Value), ("status", "Going"), ("answeredAt", At), ("fromPlatform", false));

    private static IReadOnlyList<object?> Connect(MemberId from, MemberId to) =>
        Row("eventConnects", ("eventId", "e1"), ("fromMember", from.Value), ("toMember", to.Value), ("pressedAt", At));

    private static IReadOnlyList<object?> Outbox(string key, MessageTarget target, string text, bool delivered) =>
        Row("outbox", ("createdAt", At), ("key", key), ("target", StoredJson.Write(target)), ("reply", StoredJson.Write(new Reply(text))),
            ("dueAt", delivered ? null : At), ("attempts", 0L), ("deliveredAt", delivered ? At : null));
}
