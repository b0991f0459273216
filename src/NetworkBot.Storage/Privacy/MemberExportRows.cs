using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.Privacy;

/// <summary>
/// The rows of a community's export that concern one member (<see cref="IPrivacyStore.ExportMemberAsync"/>), chosen the
/// same way for every provider: their own rows (profile, blocks and pair wishes they made, interest memberships, answers,
/// connections, event answers, attendance, the event connects they pressed, messages to them alone, the asks they made),
/// and the rows those belong to (the interests, the groups they were in with everyone in them, those groups' rounds, the
/// events, the asks they were a candidate of), plus the display names of the other members those rows name.
/// </summary>
/// <remarks>
/// Of an ask's candidates, the asker learns only who was introduced to them: their export holds the candidate row of
/// <c>introducedTo</c> alone, never those who declined or did not answer. A candidate's export holds their own row in
/// others' asks, and of those asks not who else was introduced.
/// </remarks>
/// <remarks>
/// A provider hands over its community export, read in one snapshot, so the member's rows agree with each other: a
/// member's export is rare, and one read of the whole community keeps every provider's choice of rows the same.
/// </remarks>
internal static class MemberExportRows
{
    /// <summary>The fields that hold a member's id, in any table: where the other members a row names are found.</summary>
    private static readonly HashSet<string> MemberFields =
        ["memberId", "blockerId", "blockedId", "otherId", "memberA", "memberB", "fromMember", "toMember", "createdBy", "asker", "introducedTo"];

    public static MemberExport? Select(CommunityExport? community, MemberId member)
    {
        if (community is null)
        {
            return null;
        }

        var rows = new Rows(community);
        var id = member.Value;
        var own = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>(StringComparer.Ordinal)
        {
            ["members"] = rows.Where("members", "memberId", id),
            ["blocks"] = rows.Where("blocks", "blockerId", id),
            ["pairWishes"] = rows.Where("pairWishes", "memberId", id),
            ["interestMembers"] = rows.Where("interestMembers", "memberId", id),
            ["groupAnswers"] = rows.Where("groupAnswers", "memberId", id),
            ["connections"] = [.. rows.Where("connections", "memberA", id), .. rows.Where("connections", "memberB", id)],
            ["rsvps"] = rows.Where("rsvps", "memberId", id),
            ["eventAttendees"] = rows.Where("eventAttendees", "memberId", id),
            ["eventConnects"] = rows.Where("eventConnects", "fromMember", id),
            ["outbox"] = [.. rows.All("outbox").Where(row => ToThemAlone(rows.Value(row, "outbox", "target"), member))],
        };
        var asked = rows.Where("askCandidates", "memberId", id);
        var asks = rows.Where("asks", "asker", id);
        var introduced = asks
            .Select(ask => (Ask: rows.Value(ask, "asks", "askId"), To: rows.Value(ask, "asks", "introducedTo")))
            .Where(ask => ask.To is not null)
            .ToHashSet();
        own["askCandidates"] = [.. asked, .. rows.All("askCandidates").Where(
            c => introduced.Contains((rows.Value(c, "askCandidates", "askId"), rows.Value(c, "askCandidates", "memberId"))))];
        own["asks"] = [.. asks, .. rows.In("asks", "askId", rows.Values(asked, "askCandidates", "askId"))
            .Where(ask => rows.Value(ask, "asks", "asker") != id)
            .Select(ask => rows.Value(ask, "asks", "introducedTo") == id ? ask : rows.With(ask, "asks", "introducedTo", null))];
        var groups = rows.Values(rows.Where("groupMembers", "memberId", id), "groupMembers", "groupId");
        var created = rows.Where("events", "createdBy", id);
        if (own.Values.All(r => r.Count == 0) && groups.Count == 0 && created.Count == 0)
        {
            return null;
        }

        var roundGroups = rows.In("roundGroups", "groupId", groups);
        var events = rows.Values(own["rsvps"], "rsvps", "eventId");
        events.UnionWith(rows.Values(own["eventAttendees"], "eventAttendees", "eventId"));
        events.UnionWith(rows.Values(own["eventConnects"], "eventConnects", "eventId"));
        events.UnionWith(rows.Values(created, "events", "eventId"));

        own["interests"] = rows.In("interests", "interestId", rows.Values(own["interestMembers"], "interestMembers", "interestId"));
        own["groupMembers"] = rows.In("groupMembers", "groupId", groups);
        own["roundGroups"] = roundGroups;
        own["rounds"] = rows.In("rounds", "roundId", rows.Values(roundGroups, "roundGroups", "roundId"));
        own["events"] = rows.In("events", "eventId", events);

        var tables = ExportFormat.Tables.ToDictionary(t => t.Name, t => own.GetValueOrDefault(t.Name, []), StringComparer.Ordinal);
        return new MemberExport(community.Id, member, tables, Names(rows, tables, member));
    }

    /// <summary>A message to the member alone: a DM, or the sync of their own place in an interest group's space.</summary>
    private static bool ToThemAlone(string? targetJson, MemberId member) =>
        targetJson is not null
        && StoredJson.ReadTarget(targetJson) is { Kind: MessageTargetKind.Member or MessageTargetKind.InterestSpace } target
        && target.Members.Count > 0
        && target.Members.All(m => m == member);

    private static Dictionary<MemberId, string> Names(Rows rows, Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>> tables, MemberId member)
    {
        var others = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in ExportFormat.Tables)
        {
            foreach (var field in table.Fields.Where(f => MemberFields.Contains(f.Name)))
            {
                others.UnionWith(rows.Values(tables[table.Name], table.Name, field.Name));
            }
        }

        others.Remove(member.Value);
        return rows.All("members")
            .Where(row => others.Contains(rows.Value(row, "members", "memberId")!))
            .ToDictionary(row => new MemberId(rows.Value(row, "members", "memberId")!), row => rows.Value(row, "members", "displayName")!);
    }

    /// <summary>A community's export rows, found by table and field name.</summary>
    private sealed class Rows(CommunityExport community)
    {
        public IReadOnlyList<IReadOnlyList<object?>> All(string table) => community.Tables.GetValueOrDefault(table, []);

        public string? Value(IReadOnlyList<object?> row, string table, string field) => row[FieldIndex(table, field)] as string;

        public IReadOnlyList<IReadOnlyList<object?>> Where(string table, string field, string value) =>
            [.. All(table).Where(row => Value(row, table, field) == value)];

        public IReadOnlyList<IReadOnlyList<object?>> In(string table, string field, HashSet<string> values) =>
            [.. All(table).Where(row => Value(row, table, field) is { } v && values.Contains(v))];

        /// <summary>A copy of <paramref name="row"/> with <paramref name="field"/> set to <paramref name="value"/>.</summary>
        public IReadOnlyList<object?> With(IReadOnlyList<object?> row, string table, string field, object? value)
        {
            var copy = row.ToArray();
            copy[FieldIndex(table, field)] = value;
            return copy;
        }

        public HashSet<string> Values(IReadOnlyList<IReadOnlyList<object?>> rows, string table, string field) =>
            rows.Select(row => Value(row, table, field)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        private static int FieldIndex(string table, string field) =>
            ExportFormat.Tables.Single(t => t.Name == table).Fields.ToList().FindIndex(f => f.Name == field);
    }
}
