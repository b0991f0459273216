using System.Text.Json.Nodes;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;
using NetworkBot.Storage.Privacy;
using NetworkBot.Storage.Serialization;
using static NetworkBot.Storage.Tests.Conformance.PrivacySeed;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>
/// A member's right to their data, on every provider (<see cref="Core.Privacy.IPrivacyStore"/>): after an erasure no table
/// holds their id or name, found by a search of the whole store that lists its tables itself; others' history stays with a
/// placeholder and the round figures do not move; the export holds their rows and the names of the people they met.
/// </summary>
public abstract class PrivacyStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static readonly CommunityId Community = TestData.Tokyo;
    private static readonly MemberId Placeholder = new("erased:0123456789abcdef");
    private static readonly string[] Needles = [Erin.Value, ErinName];

    /// <summary>Every table the seed gives Erin a row in: the search must find her in each before the erasure.</summary>
    private static readonly string[] TablesNamingErin =
    [
        "ask_candidates", "asks", "blocks", "communities", "connections", "dashboard_sessions", "dashboard_sign_in_links", "event_attendees", "event_connects",
        "events", "group_answers", "group_members", "interest_members", "members", "outbox", "pair_wishes", "rsvps",
    ];

    [Fact]
    public async Task Erasure_leaves_no_row_in_any_table_holding_the_member_id_or_name()
    {
        await SeedAsync(Store, Community, Ct);
        var before = await UnderTest.ScanAsync(Needles);
        Assert.Equal(TablesNamingErin, before.Hits.Keys.Order(StringComparer.Ordinal));

        Assert.True(await Store.EraseMemberAsync(Community, Erin, Placeholder, Ct));

        var after = await UnderTest.ScanAsync(Needles);
        Assert.Empty(after.Rows);
        Assert.Equal(before.Tables, after.Tables);
        Assert.Subset(after.Tables.ToHashSet(StringComparer.Ordinal), new HashSet<string>([.. TablesNamingErin, "rounds", "round_groups", "interests"]));
    }

    [Fact]
    public async Task Erasure_puts_the_placeholder_in_others_history_and_keeps_the_round_figures()
    {
        await SeedAsync(Store, Community, Ct);
        var talliesBefore = Figures(await Store.ListRoundTalliesAsync(Community, 10, Ct));

        await Store.EraseMemberAsync(Community, Erin, Placeholder, Ct);

        Assert.Equal(talliesBefore, Figures(await Store.ListRoundTalliesAsync(Community, 10, Ct)));
        var groups = Assert.Single(await Store.ListRoundsAsync(Community, 10, Ct)).Groups;
        Assert.Equal([(MeetingOutcome.Met, [Placeholder, Ann]), (MeetingOutcome.Unknown, [Bob, Cy])], groups.Select(g => (g.Outcome, g.Members.ToArray())));
        Assert.Equal(
            [(Placeholder, Ann), (Placeholder, Cy), (Bob, Cy)],
            (await Store.ListCommunityConnectionsAsync(Community, Ct)).Select(c => (c.A, c.B)).OrderBy(p => p.B.Value, StringComparer.Ordinal).ThenBy(p => p.A.Value, StringComparer.Ordinal));
        Assert.All(await Store.ListCommunityConnectionsAsync(Community, Ct), c => Assert.True(string.CompareOrdinal(c.A.Value, c.B.Value) < 0));
        Assert.Equal([Placeholder, Ann], (await Store.ListAttendeesAsync(Community, new EventId("e1"), Ct)).OrderBy(m => m.Value, StringComparer.Ordinal));
        Assert.Equal(Placeholder, (await Store.GetEventAsync(Community, new EventId("e1"), Ct))!.CreatedBy);
        Assert.Equal([Ann], (await Store.GetCommunityAsync(Community, Ct))!.Settings.Managers);
        Assert.Equal([(Ann, Bob)], (await Store.ListBlocksAsync(Community, Ct)).Select(b => (b.Blocker, b.Blocked)));
        Assert.Empty(await Store.ListPairWishesAsync(Community, Ct));
        Assert.Empty(await Store.ListRsvpsAsync(Community, new EventId("e1"), Ct));
        Assert.Empty(await Store.ListEventConnectsAsync(Community, Ct));
        Assert.Null(await Store.GetMemberAsync(Community, Erin, Ct));
        Assert.Null(await Store.GetSessionAsync($"session-{Community.Value}", TestData.T0, Ct));
        Assert.Null(await Store.RedeemSignInLinkAsync($"link-{Community.Value}", TestData.T0, Ct));
    }

    [Fact]
    public async Task Erasure_drops_the_asks_the_member_made_and_their_place_in_open_asks_and_keeps_the_introductions_of_others()
    {
        await SeedAsync(Store, Community, Ct);

        await Store.EraseMemberAsync(Community, Erin, Placeholder, Ct);

        Assert.Null(await Store.GetAskAsync(Community, new("a1"), Ct));
        Assert.Equal([Cy], (await Store.GetAskAsync(Community, new("a2"), Ct))!.Candidates.Select(c => c.Member));
        var introduced = (await Store.GetAskAsync(Community, new("a3"), Ct))!;
        Assert.Equal(Placeholder, introduced.IntroducedTo);
        Assert.Equal([Cy, Placeholder], introduced.Candidates.Select(c => c.Member));
        Assert.Equal([Placeholder, Ann], (await Store.GetAskAsync(Community, new("a4"), Ct))!.Candidates.Select(c => c.Member));
        Assert.Equal(new Core.Introductions.AskFigures(4, 2, 1), await Store.CountAsksAsync(Community, TestData.T0, Ct));
        Assert.Equal(0, await Store.CountTimesAskedAsync(Community, Erin, TestData.T0, Ct));
    }

    [Fact]
    public async Task Erasure_drops_messages_to_the_member_alone_and_rewrites_those_naming_them()
    {
        await SeedAsync(Store, Community, Ct);

        await Store.EraseMemberAsync(Community, Erin, Placeholder, Ct);

        var outbox = (await ((IExportStore)Store).ExportCommunityAsync(Community, Ct))!.Tables["outbox"]
            .ToDictionary(row => (string)row[1]!, row => (Target: StoredJson.ReadTarget((string)row[2]!), Text: StoredJson.ReadReply((string)row[3]!).Text));
        Assert.Equal(
            ["checkin:g1", "checkin:g2", "dm:t:bob", "intro:g1", "match:t:ann", $"post:intro:{Placeholder.Value}"],
            outbox.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Placeholder, Ann], outbox["intro:g1"].Target.Members);
        Assert.Equal($"{MemberErasure.PlaceholderName} and Ann Lee, meet each other", outbox["intro:g1"].Text);
        Assert.Equal([Ann], outbox["checkin:g1"].Target.Members);
        Assert.Equal([Bob, Cy], outbox["checkin:g2"].Target.Members);
        Assert.Equal($"Say hello to {MemberErasure.PlaceholderName} <@{Placeholder.Value}>", outbox[$"post:intro:{Placeholder.Value}"].Text);
        Assert.Equal(MessageTarget.ToMember(Ann).Members, outbox["match:t:ann"].Target.Members);
        Assert.Equal($"You meet {MemberErasure.PlaceholderName} this week", outbox["match:t:ann"].Text);
    }

    /// <summary>
    /// A placeholder already in Erin's group makes the step that puts it there fail, after her own rows were deleted in the
    /// same transaction: every provider refuses two rows of one member in one group.
    /// </summary>
    [Fact]
    public async Task Erasure_is_all_or_nothing()
    {
        await SeedAsync(Store, Community, Ct);
        var before = await DocumentAsync();
        var scanBefore = await UnderTest.ScanAsync(Needles);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.EraseMemberAsync(Community, Erin, Ann, Ct));

        Assert.Equal(before, await DocumentAsync());
        Assert.Equal(scanBefore.Rows, (await UnderTest.ScanAsync(Needles)).Rows);
    }

    [Fact]
    public async Task Erasure_leaves_the_member_of_the_same_id_in_another_community()
    {
        await SeedAsync(Store, Community, Ct);
        await SeedAsync(Store, TestData.Osaka, Ct);
        var osaka = await ((IExportStore)Store).ExportCommunityAsync(TestData.Osaka, Ct);

        await Store.EraseMemberAsync(Community, Erin, Placeholder, Ct);

        Assert.Equal(ExportDocument.Write([osaka!]), ExportDocument.Write([(await ((IExportStore)Store).ExportCommunityAsync(TestData.Osaka, Ct))!]));
        Assert.NotNull(await Store.GetSessionAsync($"session-{TestData.Osaka.Value}", TestData.T0, Ct));
        Assert.Null(await Store.GetMemberAsync(Community, Erin, Ct));
    }

    [Fact]
    public async Task Erasing_a_member_of_whom_nothing_is_stored_is_false_and_changes_nothing()
    {
        await SeedAsync(Store, Community, Ct);
        var before = await DocumentAsync();

        Assert.False(await Store.EraseMemberAsync(Community, new MemberId("t:nobody"), Placeholder, Ct));
        Assert.False(await Store.EraseMemberAsync(TestData.Osaka, Erin, Placeholder, Ct));

        Assert.Equal(before, await DocumentAsync());
    }

    [Fact]
    public async Task Export_holds_the_member_rows_and_the_rows_they_belong_to()
    {
        await SeedAsync(Store, Community, Ct);

        var export = await Store.ExportMemberAsync(Community, Erin, Ct);

        Assert.NotNull(export);
        Assert.Equal(ExportFormat.Tables.Select(t => t.Name), export.Tables.Keys);
        var community = Seeded(Community);
        Assert.All(export.Tables, table => Assert.Equal(Expected(community, table.Key), Keys(table.Key, table.Value)));
        Assert.Equal(
            new Dictionary<MemberId, string> { [Ann] = "Ann Lee", [Bob] = "Bob Hart", [Cy] = "Cy Moss" },
            export.Names.OrderBy(n => n.Key.Value, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public async Task Export_after_erasure_is_null()
    {
        await SeedAsync(Store, Community, Ct);
        Assert.Null(await Store.ExportMemberAsync(Community, new MemberId("t:nobody"), Ct));

        await Store.EraseMemberAsync(Community, Erin, Placeholder, Ct);

        Assert.Null(await Store.ExportMemberAsync(Community, Erin, Ct));
        Assert.NotNull(await Store.ExportMemberAsync(Community, Ann, Ct));
    }

    [Fact]
    public async Task Leavers_are_listed_across_communities_oldest_departure_first()
    {
        await Store.SaveMembersAsync(
        [
            TestData.Member(Community, "t:stays"),
            TestData.Member(Community, "t:late") with { LeftAt = TestData.T0.AddDays(3) },
            TestData.Member(TestData.Osaka, "t:early") with { LeftAt = TestData.T0.AddTicks(1) },
        ], Ct);

        Assert.Equal(
            [new(TestData.Osaka, new MemberId("t:early"), TestData.T0.AddTicks(1)), new Core.Privacy.Leaver(Community, new MemberId("t:late"), TestData.T0.AddDays(3))],
            await Store.ListLeaversAsync(Ct));
    }

    [Fact]
    public async Task Departure_and_retention_period_are_kept_as_given()
    {
        var community = new Community(Community, "Tokyo", CommunitySettings.Default with { RetentionDays = 45 }, TestData.T0);
        await Store.SaveCommunityAsync(community, Ct);
        var left = TestData.Member(Community, "t:gone") with { LeftAt = TestData.T0.AddTicks(7) };
        await Store.SaveMemberAsync(left, Ct);

        Assert.Equal(45, (await Store.GetCommunityAsync(Community, Ct))!.Settings.RetentionDays);
        Assert.Equal(TestData.T0.AddTicks(7), (await Store.GetMemberAsync(Community, left.Id, Ct))!.LeftAt);
        Assert.Equal(TestData.T0.AddTicks(7), Assert.Single(await Store.ListMembersAsync(Community, Ct)).LeftAt);

        await Store.SaveMemberAsync(left with { LeftAt = null }, Ct);
        Assert.Null((await Store.GetMemberAsync(Community, left.Id, Ct))!.LeftAt);
        Assert.Empty(await Store.ListLeaversAsync(Ct));
    }

    [Fact]
    public async Task A_version_1_export_imports_with_the_default_retention_and_no_departure()
    {
        var document = JsonNode.Parse(ExportDocument.Write([Seeded(Community)]))!;
        document["version"] = 1;
        var community = document["communities"]![0]!;
        community["community"]!.AsObject().Remove("retentionDays");
        foreach (var member in community["members"]!.AsArray())
        {
            member!.AsObject().Remove("leftAt");
        }

        Assert.True(ExportDocument.TryRead(document.ToJsonString(), out var communities, out var error), error);
        Assert.Null(await ((IExportStore)Store).ImportCommunitiesAsync(communities, Ct));

        Assert.Equal(CommunitySettings.DefaultRetentionDays, (await Store.GetCommunityAsync(Community, Ct))!.Settings.RetentionDays);
        Assert.All(await Store.ListMembersAsync(Community, Ct), m => Assert.Null(m.LeftAt));
    }

    [Fact]
    public async Task An_export_carries_the_retention_period_and_departures()
    {
        await SeedAsync(Store, Community, Ct);
        await Store.SaveMemberAsync((await Store.GetMemberAsync(Community, Ann, Ct))! with { LeftAt = TestData.T0 }, Ct);

        var document = ExportDocument.Write([(await ((IExportStore)Store).ExportCommunityAsync(Community, Ct))!]);

        var community = JsonNode.Parse(document)!["communities"]![0]!;
        Assert.Equal(ExportFormat.Version, JsonNode.Parse(document)!["version"]!.GetValue<int>());
        Assert.Equal(30, community["community"]!["retentionDays"]!.GetValue<int>());
        Assert.Equal(
            [TextValuesOf(TestData.T0), null, null, null],
            community["members"]!.AsArray().Select(m => m!["leftAt"]?.GetValue<string>()));
    }

    private static string TextValuesOf(DateTimeOffset at) => Relational.TextValues.Instant(at);

    /// <summary>The round figures an erasure must not move (the member counts follow the members who are still there).</summary>
    private static List<(int, int, int, int, int)> Figures(IReadOnlyList<RoundTally> tallies) =>
        [.. tallies.Select(t => (t.Groups, t.MetGroups, t.Matched, t.Met, t.Answered))];

    /// <summary>
    /// The rows of the seeded community the member export must hold, by a rule written out here apart from the store's:
    /// Erin's own rows, and the interest, group (all its members), round and events they belong to.
    /// </summary>
    private static List<string> Expected(CommunityExport community, string table)
    {
        var erin = Erin.Value;
        bool Has(IReadOnlyList<object?> row, string field) => Value(table, row, field) == erin;
        var rows = community.Tables.GetValueOrDefault(table, []);
        IEnumerable<IReadOnlyList<object?>> chosen = table switch
        {
            "members" or "interestMembers" or "groupAnswers" or "rsvps" or "eventAttendees" => rows.Where(r => Has(r, "memberId")),
            "blocks" => rows.Where(r => Has(r, "blockerId")),
            "pairWishes" => rows.Where(r => Has(r, "memberId")),
            "connections" => rows.Where(r => Has(r, "memberA") || Has(r, "memberB")),
            "eventConnects" => rows.Where(r => Has(r, "fromMember")),
            "interests" => rows.Where(r => Value(table, r, "interestId") == "i1"),
            "groupMembers" or "roundGroups" => rows.Where(r => Value(table, r, "groupId") == "g1"),
            "rounds" => rows,
            "events" => rows.Where(r => Value(table, r, "eventId") == "e1"),
            "outbox" => rows.Where(r => Value(table, r, "key") is "export:t:erin" or "welcome:t:erin"),

            // Her own asks and those she was asked in, not who else another's ask introduced; of the candidates, her own rows
            // and, in her ask, only the one she was introduced to (Ann), never Bob who declined.
            "asks" => rows.Where(r => Value(table, r, "askId") != "a5").Select(r => Value(table, r, "askId") == "a4" ? WithoutIntroduced(r) : r),
            "askCandidates" => rows.Where(r => Has(r, "memberId") || (Value(table, r, "askId") == "a1" && Value(table, r, "memberId") == Ann.Value)),
            _ => [],
        };
        return Keys(table, [.. chosen]);
    }

    private static IReadOnlyList<object?> WithoutIntroduced(IReadOnlyList<object?> ask)
    {
        var copy = ask.ToArray();
        copy[ExportFormat.Tables.Single(t => t.Name == "asks").Fields.ToList().FindIndex(f => f.Name == "introducedTo")] = null;
        return copy;
    }

    private static string? Value(string table, IReadOnlyList<object?> row, string field) =>
        row[ExportFormat.Tables.Single(t => t.Name == table).Fields.ToList().FindIndex(f => f.Name == field)] as string;

    /// <summary>The rows as comparable text, in order: the export's values are compared whole.</summary>
    private static List<string> Keys(string table, IReadOnlyList<IReadOnlyList<object?>> rows) =>
        [.. rows.Select(row => $"{table}: {string.Join(" | ", row.Select(v => v is null ? "null" : Normal(v)))}").Order(StringComparer.Ordinal)];

    /// <summary>JSON values compared by content: a provider may space them differently from the seed.</summary>
    private static string Normal(object value) =>
        value is string text && text.StartsWith('[') || value is string json && json.StartsWith('{')
            ? JsonNode.Parse((string)value)!.ToJsonString()
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;

    /// <summary>Both communities the tests use, as one export document (by id: a failure injected by a test is no community's).</summary>
    private async Task<string> DocumentAsync()
    {
        var exports = new List<CommunityExport>();
        foreach (var id in new[] { Community, TestData.Osaka })
        {
            if (await ((IExportStore)Store).ExportCommunityAsync(id, Ct) is { } export)
            {
                exports.Add(export);
            }
        }

        return ExportDocument.Write(exports);
    }
}
