using System.Net;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Tests.Dashboard;
using NetworkBot.Host.Dashboard;
using NetworkBot.Host.Dashboard.Exports;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>
/// The dashboard's pages and exports over HTTP, served as <c>networkbot dashboard</c> serves them (local mode, no sign-in) over
/// a real SQLite file holding <see cref="SmallCommunity"/>: each page answers 200 with the numbers the figure tests
/// worked out by hand, in the community's language.
/// </summary>
public sealed class DashboardPagesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDatabase database = new();
    private DashboardSite site = null!;
    private HttpClient client = null!;
    private RoundRecord round2 = null!;

    private IStore Store => site.Store;

    private static string Root => DashboardPaths.Community(SmallCommunity.Id);

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync(database.ConnectionString, new FakeTimeProvider(Now), local: true);
        (client, _) = site.Browser();
        (_, round2) = await SmallCommunity.SeedAsync(Store, Now, Language.En, Ct);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task The_members_table_shows_a_hundred_rows_a_page_with_links_that_keep_the_search()
    {
        foreach (var at in Enumerable.Range(0, 224))
        {
            await Store.SaveMemberAsync(
                new Member(SmallCommunity.Id, new MemberId($"p{at:000}"), $"Paged {at:000}", Core.Intro.Profile.Empty, CoffeeEnrollment.NotJoined, Now), Ct);
        }

        var first = await PageAsync(Root + "/members");
        var last = await PageAsync(Root + "/members?page=3");
        var beyond = await PageAsync(Root + "/members?page=99");
        var found = await PageAsync(Root + "/members?q=Paged&page=2");

        Assert.Contains("230 members", first);
        Assert.Equal(100, Rows(first));
        Assert.Contains("Page 1 of 3", first);
        Assert.Contains("href=\"?page=2\"", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Equal(30, Rows(last));
        Assert.DoesNotContain("rel=\"next\"", last);
        Assert.Equal(Rows(last), Rows(beyond));
        Assert.Contains("Page 3 of 3", beyond);
        Assert.Contains("224 members match “Paged”", found);
        Assert.Equal(100, Rows(found));
        Assert.Contains("href=\"?page=1&q=Paged\"", found);
        Assert.Contains("href=\"?page=3&q=Paged\"", found);

        static int Rows(string html) => Regex.Matches(html, "<tr data-member=").Count;
    }

    [Fact]
    public async Task Overview_shows_each_figure_with_its_value_and_trend()
    {
        var html = await PageAsync(Root);

        Assert.Equal("6", FigureValue(html, "members"));
        Assert.Equal("5", FigureValue(html, "opted-in"));
        Assert.Equal("0.5", FigureValue(html, "meet-rate"));
        Assert.Equal("3", FigureValue(html, "new-connections"));
        Assert.Equal(["1", "2"], SeriesValues(html, "new-connections"));
        Assert.Equal(["1", "0"], SeriesValues(html, "cross-industry"));
        Assert.Contains("+1 since last round", html); // new connections 1 → 2
        Assert.Contains("−100 points since last round", html); // cross-industry share 100% → 0%
        Assert.Contains("<svg", html);
        Assert.Contains("Dash 交流会", html);
        Assert.Contains("Meet rate", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Rounds_page_tables_each_funnel_and_links_to_the_round()
    {
        var html = await PageAsync(Root + "/rounds");

        Assert.Equal(["4", "4"], SeriesValues(html, "matched")); // the chart, oldest first
        Assert.Equal(["2", "3"], SeriesValues(html, "answered"));
        Assert.Matches($"(?s)data-round=\"{round2.Round.Id.Value}\">.*?data-column=\"opted-in\" data-value=\"5\"", html);
        Assert.Contains(RoundPath(round2.Round.Id), html);

        var round = await PageAsync(RoundPath(round2.Round.Id));
        Assert.Contains("data-member=\"ben\" data-answer=\"NotYet\"", round);
        Assert.Contains("data-member=\"fay\" data-answer=\"\"", round);
        Assert.Contains("Cat 田中: met", round);
    }

    [Fact]
    public async Task An_unknown_round_is_not_found()
    {
        using var response = await client.GetAsync(RoundPath(new RoundId("nope")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Network_page_draws_every_connected_member_and_lists_who_met_nobody()
    {
        var html = await PageAsync(Root + "/network");

        Assert.Equal(["ann", "ben", "cat", "eve"], Attribute(html, "data-node"));
        Assert.Equal(3, Attribute(html, "data-edge").Count);
        Assert.Contains("<title>Ben 別府 (Design): Connections 2</title>", html);
        Assert.Matches("(?s)data-table=\"not-met\".*data-member=\"dan\".*data-member=\"fay\"", html);
        Assert.Matches("(?s)data-member=\"ben\">.*?data-column=\"industries\" data-value=\"2\"", html);
    }

    [Fact]
    public async Task Events_page_counts_answers_waitlist_attendance_and_connections()
    {
        var html = await PageAsync(Root + "/events");

        Assert.Matches($"(?s)data-event=\"{SmallCommunity.Pitch}\">.*?data-column=\"going\" data-value=\"2\".*?data-column=\"waitlisted\" data-value=\"1\"", html);
        Assert.Matches($"(?s)data-event=\"{SmallCommunity.Lunch}\" data-occurrence=\"[0-9-]+\">.*?data-column=\"attended\" data-value=\"3\"", html);
        Assert.Matches($"(?s)data-event=\"{SmallCommunity.Lunch}\">.*?data-column=\"connections\" data-value=\"1\"", html);
        Assert.Contains("no-shows cannot be counted", html);
    }

    [Fact]
    public async Task Interests_page_sizes_each_group()
    {
        var html = await PageAsync(Root + "/interests");

        Assert.Equal(["3", "1"], SeriesValues(html, "members"));
    }

    [Fact]
    public async Task Members_page_searches_by_name_or_industry()
    {
        Assert.Equal(["ann", "ben", "cat", "dan", "eve", "fay"], Attribute(await PageAsync(Root + "/members"), "data-member"));
        Assert.Equal(["ann", "cat"], Attribute(await PageAsync(Root + "/members?q=fin"), "data-member"));
        Assert.Equal(["eve"], Attribute(await PageAsync(Root + "/members?q=" + Uri.EscapeDataString("江藤")), "data-member"));
    }

    [Fact]
    public async Task Pages_speak_the_communitys_language()
    {
        var community = (await Store.GetCommunityAsync(SmallCommunity.Id, Ct))!;
        await Store.SaveCommunityAsync(community with { Settings = community.Settings with { Language = Language.Ja } }, Ct);

        var overview = await PageAsync(Root);
        var events = await PageAsync(Root + "/events");

        Assert.Contains("<html lang=\"ja\"", overview);
        Assert.Contains("面会率", overview);
        Assert.Contains("本文へ移動", overview);
        Assert.Contains("前回ラウンドから +1", overview);
        Assert.Equal("0.5", FigureValue(overview, "meet-rate"));
        Assert.Contains("無断欠席は数えられません", events);
        Assert.DoesNotContain("Meet rate", overview);
    }

    [Fact]
    public async Task Every_page_has_a_skip_link_a_labelled_navigation_one_h1_unique_ids_and_captioned_tables()
    {
        foreach (var path in new[] { Root, Root + "/rounds", Root + "/network", Root + "/events", Root + "/interests", Root + "/members" })
        {
            var html = await PageAsync(path);

            Assert.Contains("<a class=\"skip-link\" href=\"#content\">", html);
            Assert.Contains("<nav aria-label=\"Dashboard pages\">", html);
            Assert.Contains("aria-current=\"page\"", html);
            Assert.Equal(Regex.Count(html, "<table"), Regex.Count(html, "<caption>"));
            Assert.Equal(1, Regex.Count(html, "<h1[ >]"));
            Assert.Empty(Regex.Matches(html, " id=\"([^\"]+)\"").GroupBy(m => m.Groups[1].Value).Where(g => g.Count() > 1).Select(g => g.Key));
        }
    }

    [Fact]
    public async Task Members_csv_has_a_bom_a_header_and_japanese_names_intact()
    {
        var bytes = await client.GetByteArrayAsync(Root + "/export/members.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = await ReadCsvAsync<MemberExport>(bytes);
        Assert.Equal(["Ann Abe", "Ben 別府", "Cat 田中", "Dan", "Eve 江藤", "Fay"], rows.Select(r => r.Name));
        var ben = rows.Single(r => r.Id == "ben");
        Assert.Equal((2, 2, "Design", Now.AddDays(-30)), (ben.Answers, ben.Connections, ben.Industry, ben.JoinedAt));
        Assert.StartsWith("Id,Name,Industry,JoinedAt,", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Contains(",2026-10-21T09:00:00+00:00,", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Exports_keep_only_the_date_range()
    {
        var range = $"?from={Day(-7)}&to={Day(-3)}";

        var connections = await ReadCsvAsync<ConnectionExport>(await client.GetByteArrayAsync(Root + "/export/connections.csv" + range));
        var members = await ReadCsvAsync<MemberExport>(await client.GetByteArrayAsync(Root + $"/export/members.csv?to={Day(-20)}"));
        var rounds = await ReadCsvAsync<RoundExport>(await client.GetByteArrayAsync(Root + "/export/rounds.csv" + range));
        var events = await ReadCsvAsync<EventExport>(await client.GetByteArrayAsync(Root + "/export/events.csv" + range));

        Assert.Equal(["ann cat"], connections.Select(c => $"{c.MemberA} {c.MemberB}")); // ann–ben is older, ben–eve newer
        Assert.DoesNotContain(members, m => m.Id == "fay"); // joined ten days ago
        Assert.Equal(5, members.Count);
        Assert.Equal(["Ann Abe; Cat 田中|Met", "Ben 別府; Fay|NotYet"], rounds.Select(r => $"{r.Members}|{r.Outcome}"));
        Assert.All(rounds, r => Assert.Equal(round2.Round.Id.Value, r.Round));
        Assert.Equal(["ann:attended", "ben:attended", "eve:attended"], events.Select(e => $"{e.Member}:{e.Answer}"));
    }

    [Fact]
    public async Task An_erased_member_who_met_others_is_on_no_page_and_in_no_export_and_the_rounds_figures_stay()
    {
        var funnelsBefore = Funnels(await PageAsync(Root + "/rounds"));

        Assert.True(await Store.EraseMemberAsync(SmallCommunity.Id, new MemberId("ben"), Core.Privacy.ErasedMember.NewId(), Ct));

        Assert.Equal(funnelsBefore, Funnels(await PageAsync(Root + "/rounds")));
        var pages = new List<string>();
        foreach (var page in new[] { string.Empty, "/rounds", "/members", "/network", "/events", "/interests", RoundPath(round2.Round.Id)[Root.Length..] })
        {
            pages.Add(await PageAsync(Root + page));
        }

        var round = pages[^1];
        Assert.Contains("a former member: not yet", round);
        Assert.Contains("<title>a former member: Connections 2</title>", pages[3]);
        var exports = new List<string>();
        foreach (var export in DashboardExports.Names)
        {
            exports.Add(System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync(Root + $"/export/{export}.csv")));
            exports.Add(await client.GetStringAsync(Root + $"/export/{export}.json"));
        }

        Assert.All(pages.Concat(exports), text =>
        {
            Assert.DoesNotContain("Ben 別府", text);
            Assert.DoesNotContain("erased:", text);
            Assert.DoesNotMatch("data-(member|node)=\"ben\"", text);
        });
        var rounds = await ReadCsvAsync<RoundExport>(await client.GetByteArrayAsync(Root + "/export/rounds.csv"));
        Assert.Contains(rounds, r => r.Members == "Ann Abe; a former member" && r.MemberIds == "ann; ");
        Assert.DoesNotContain(await ReadCsvAsync<MemberExport>(await client.GetByteArrayAsync(Root + "/export/members.csv")), m => m.Id == "ben");
        Assert.DoesNotContain(await ReadCsvAsync<ConnectionExport>(await client.GetByteArrayAsync(Root + "/export/connections.csv")), c => c.MemberA == "ben" || c.MemberB == "ben");
        Assert.Equal("5", FigureValue(pages[0], "members"));
    }

    [Fact]
    public async Task Json_export_is_camel_case_with_japanese_as_written()
    {
        using var response = await client.GetAsync(Root + "/export/events.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var answers = document.RootElement.EnumerateArray().Where(e => e.GetProperty("event").GetString() == SmallCommunity.Pitch.Value).ToList();
        Assert.Equal(5, answers.Count);
        Assert.Contains(answers, a => a.GetProperty("member").GetString() == "cat" && a.GetProperty("answer").GetString() == "waitlisted");
        Assert.Contains("\"title\":\"Morning pitch 朝活\"", json);
    }

    [Fact]
    public async Task An_unreadable_date_or_an_unknown_export_is_refused()
    {
        using var badDate = await client.GetAsync(Root + "/export/members.csv?from=20261101");
        using var unknown = await client.GetAsync(Root + "/export/secrets.csv");
        using var otherCommunity = await client.GetAsync(DashboardPaths.Community(CommunityId.For("shell", "nobody")) + "/export/members.csv");

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCommunity.StatusCode);
    }

    private static string Day(int days) => Now.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<T>> ReadCsvAsync<T>(byte[] bytes)
    {
        await using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default, leaveOpen: false);
        var rows = new List<T>();
        await foreach (var row in reader.GetRecordsAsync<T>(Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string RoundPath(RoundId round) => $"{Root}/rounds/{Uri.EscapeDataString(round.Value)}";

    /// <summary>The page's HTML with character references decoded, so the assertions read names as written.</summary>
    private async Task<string> PageAsync(string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string FigureValue(string html, string figure) =>
        Regex.Match(html, $"data-figure=\"{figure}\" data-value=\"([^\"]*)\"").Groups[1].Value;

    private static List<string> SeriesValues(string html, string series) =>
        [.. Regex.Matches(html, $"data-series=\"{series}\" data-label=\"[^\"]*\" data-value=\"([^\"]*)\"").Select(m => m.Groups[1].Value)];

    /// <summary>Every round's funnel cells on the rounds page, in order.</summary>
    private static List<string> Funnels(string html) =>
        [.. Regex.Matches(html, "data-column=\"([^\"]+)\" data-value=\"([^\"]*)\"").Select(m => m.Value)];

    private static List<string> Attribute(string html, string attribute) =>
        [.. Regex.Matches(html, $"{attribute}=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Distinct()];
}
