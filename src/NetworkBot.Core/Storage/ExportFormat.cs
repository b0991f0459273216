using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Storage;

/// <summary>
/// The export format (<c>docs/EXPORT.md</c>): a JSON document <c>{"format": "networkbot-export", "version": 3,
/// "communities": [...]}</c>, each community its id and these tables. The tables are listed parents first, so writing
/// them in this order satisfies every reference between them. Not exported: the bot-wide platform state (a cache the
/// bot rebuilds), the calendar feed secret (a manager issues a new link), the dashboard's sign-in links, sessions and
/// data-protection keys (a manager signs in again), the schema version (each store has its own).
/// </summary>
/// <remarks>
/// Change the tables only together with <see cref="Version"/>: a build reads its own version and older ones, and
/// refuses a newer one rather than dropping what it does not know.
/// </remarks>
public static class ExportFormat
{
    public const string Name = "networkbot-export";

    /// <summary>
    /// 2 added <c>community.retentionDays</c> and <c>members.leftAt</c> (a version-1 row reads 180 and null); 3 added the
    /// introductions, <c>asks</c> and <c>askCandidates</c>, with <c>community.introRequestsPerWeek</c>,
    /// <c>community.openAsksPerMember</c> and <c>members.openToIntros</c> (an older document has no asks and reads the defaults).
    /// </summary>
    public const int Version = 3;

    public static IReadOnlyList<ExportTable> Tables { get; } =
    [
        new("community", 0, [Text("name"), Text("language"), Text("timeZone"), Text("introChannel"), Text("coffeeChannel"),
            Text("announcementChannel"), Text("managerRole"), Json("managers"), Text("createdAt"),
            Integer("retentionDays") with { Since = 2, Older = (long)CommunitySettings.DefaultRetentionDays },
            Integer("introRequestsPerWeek") with { Since = 3, Older = (long)CommunitySettings.DefaultIntroRequestsPerWeek },
            Integer("openAsksPerMember") with { Since = 3, Older = (long)CommunitySettings.DefaultOpenAsksPerMember }], Single: true),
        new("coffeeSchedule", 0, [Text("cadence"), Integer("intervalWeeks"), Integer("weekOfMonth"), Text("weekday"), Text("time"),
            Text("timeZone"), Text("startsOn"), Integer("groupSize"), Text("mode"), Integer("cooldownRounds"), Text("channel"),
            Boolean("active"), Text("noticeSentFor"), Text("lastRoundFor"), Integer("version")], Single: true),
        new("members", 1, [Text("memberId"), Text("displayName"), Text("pitch"), Text("role"), Text("industry"), Json("offers"),
            Json("seeks"), Json("interests"), Text("timeZone"), Text("language"), Boolean("coffeeJoined"), Text("coffeePausedUntil"),
            Boolean("coffeeSkipNext"), Text("joinedAt"), Integer("missedRounds"), Integer("version"), Text("leftAt") with { Since = 2 },
            Boolean("openToIntros") with { Since = 3, Older = true }]),
        new("blocks", 2, [Text("blockerId"), Text("blockedId")]),
        new("pairWishes", 2, [Text("memberId"), Text("otherId"), Text("wishedAt")]),
        new("interests", 1, [Text("interestId"), Text("name"), Text("description"), Boolean("archived"), Text("roleRef"),
            Text("channelRef"), Text("createdAt"), Boolean("spacePending")]),
        new("interestMembers", 2, [Text("interestId"), Text("memberId")]),
        new("rounds", 1, [Text("roundId"), Text("startedAt"), Integer("groupSize"), Text("mode"), Integer("seed"), Text("endsAt"),
            Text("nudgedAt"), Text("checkInAt"), Text("reaskedAt"), Text("closedAt"), Integer("version")]),
        new("roundGroups", 1, [Text("groupId"), Text("roundId"), Integer("position"), Text("outcome"), Integer("version")]),
        new("groupMembers", 2, [Text("groupId"), Text("memberId"), Integer("position")]),
        new("groupAnswers", 2, [Text("groupId"), Text("memberId"), Text("answer"), Text("answeredAt")]),
        new("connections", 2, [Text("memberA"), Text("memberB"), Text("since")]),
        new("events", 1, [Text("eventId"), Text("title"), Text("description"), Text("startAt"), Integer("durationTicks"),
            Text("timeZone"), Text("place"), Integer("capacity"), Boolean("cancelled"), Text("repeatCadence"),
            Integer("repeatIntervalWeeks"), Integer("repeatWeekOfMonth"), Text("reminders"), Boolean("remindMaybe"), Text("channel"),
            Text("mentionRole"), Text("createdBy"), Text("createdAt"), Integer("sequence"), Text("remindedFor"), Boolean("finished"),
            Boolean("icebreaker"), Text("icebreakerFor"), Text("platformRef"), Integer("version")]),
        new("rsvps", 2, [Text("eventId"), Text("memberId"), Text("status"), Text("answeredAt"), Integer("waitlistPosition"),
            Boolean("fromPlatform")]),
        new("eventAttendees", 3, [Text("eventId"), Text("occurrence"), Text("memberId")]),
        new("eventConnects", 3, [Text("eventId"), Text("fromMember"), Text("toMember"), Text("pressedAt")]),
        new("asks", 1, [Text("askId"), Text("asker"), Text("request"), Text("createdAt"), Text("expiresAt"), Text("status"),
            Text("introducedTo"), Text("introducedAt"), Text("followedUpAt"), Text("connectedAt"), Text("nextStepAt"), Integer("version")])
        {
            Since = 3,
        },
        new("askCandidates", 2, [Text("askId"), Text("memberId"), Integer("position"), Text("offer"), Text("status"), Text("askedAt"),
            Text("answeredAt")])
        {
            Since = 3,
        },

        // Ordered by creation time first, as the dispatcher takes them; the key alone is unique.
        new("outbox", 2, [Text("createdAt"), Text("key"), Json("target"), Json("reply"), Text("dueAt"), Integer("attempts"),
            Text("lastError"), Text("deliveredAt"), Text("messageRef"), Text("progress")]),
    ];

    private static ExportField Text(string name) => new(name, ExportFieldKind.Text);

    private static ExportField Integer(string name) => new(name, ExportFieldKind.Integer);

    private static ExportField Boolean(string name) => new(name, ExportFieldKind.Boolean);

    private static ExportField Json(string name) => new(name, ExportFieldKind.Json);
}
