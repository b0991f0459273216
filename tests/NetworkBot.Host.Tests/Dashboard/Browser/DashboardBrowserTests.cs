using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.Playwright;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Tests;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// The managers' dashboard in a real browser (headless Chromium through Playwright) against the real
/// <c>networkbot run</c> over seeded communities (<see cref="SeededDashboardRun"/>): a manager signs in with the link from
/// <c>/admin dashboard</c>, every chart's numbers are the ones worked out from the seeded data
/// (<see cref="SeededFigures"/>), a CSV downloads and parses, links and other communities are refused, and the pages
/// work without JavaScript and from the keyboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(ChromiumFixture chromium, SeededDashboardRun site) : IClassFixture<SeededDashboardRun>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly string[] Pages = ["", "/rounds", "/network", "/events", "/interests", "/members"];

    private string Overview(CommunityId community) => new Uri(site.BaseAddress, SeededDashboardRun.PathOf(community)).ToString();

    [BrowserFact]
    public async Task A_manager_signs_in_with_the_link_from_admin_dashboard_and_gets_a_strict_http_only_session()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        Assert.StartsWith(site.BaseAddress.ToString().TrimEnd('/') + DashboardCommands.SignInPath, site.ShellLink);
        await SignInAsync(page, site.ShellLink);

        Assert.Equal(Overview(site.Tokyo.Id), page.Url);
        Assert.Equal(site.Tokyo.Community.Name, await page.Locator("h1").InnerTextAsync());
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/dashboard", cookie.Path);
    }

    [BrowserFact]
    public async Task Every_overview_figure_and_trend_is_the_one_worked_out_from_the_seeded_community()
    {
        var page = await SignedInPageAsync();
        var expected = new SeededFigures(site.Tokyo).Overview();

        var cards = await page.Locator("li[data-figure]").EvaluateAllAsync<string[][]>("cards => cards.map(c => [c.dataset.figure, c.dataset.value])");
        Assert.Equal(expected.Keys.Order(), cards.Select(c => c[0]).Order());
        foreach (var card in cards)
        {
            Assert.True(SeededFigures.Shown(expected[card[0]].Value) == card[1], $"{card[0]}: expected {SeededFigures.Shown(expected[card[0]].Value)}, shown {card[1]}");
            Assert.Equal(expected[card[0]].Trend.Select(SeededFigures.Shown), (await ChartAsync(page, card[0])).GetValueOrDefault(card[0]) ?? []);
        }

        Assert.Equal(8, await page.Locator("figure[data-chart] svg").CountAsync());
    }

    [BrowserFact]
    public async Task The_rounds_events_interests_and_network_charts_show_the_seeded_communitys_numbers()
    {
        var page = await SignedInPageAsync();
        var expected = new SeededFigures(site.Tokyo);

        await GoAsync(page, "/rounds");
        AssertSeries(expected.Funnel(), await ChartAsync(page, "funnel"));
        await GoAsync(page, "/events");
        AssertSeries(expected.EventAnswers(), await ChartAsync(page, "answers"));
        await GoAsync(page, "/interests");
        Assert.Equal(expected.InterestSizes().Select(SeededFigures.Shown), (await ChartAsync(page, "interest-sizes"))["members"]);

        // The network: every member with a connection drawn (fewer than the graph's limit here), every connection a line.
        await GoAsync(page, "/network");
        var connected = site.Tokyo.Connections.SelectMany(c => new[] { c.A.Value, c.B.Value }).ToHashSet();
        Assert.Equal(connected.Count.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-figure='connected-members']").GetAttributeAsync("data-value"));
        Assert.Equal(connected.Order(StringComparer.Ordinal), (await page.Locator("figure[data-chart='network'] g[data-node]").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.node)")).Order(StringComparer.Ordinal));
        Assert.Equal(site.Tokyo.Connections.Count, await page.Locator("figure[data-chart='network'] line[data-edge]").CountAsync());
    }

    [BrowserFact]
    public async Task The_members_csv_downloads_with_a_bom_a_header_and_every_member_in_japanese()
    {
        var page = await SignedInPageAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export='members.csv']").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), Ct);

        Assert.EndsWith("members.csv", download.SuggestedFilename);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var csv = CsvReader.Create(bytes[3..], CsvReaderOptions.Default);
        var names = new List<string>();
        while (csv.Read())
        {
            names.Add(csv.GetString("Name"));
        }

        Assert.Contains("Name", csv.Headers);
        Assert.Equal(site.Tokyo.Members.Select(m => m.DisplayName).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Contains(names, name => name.Any(c => c >= '\u4e00'));
    }

    [BrowserFact]
    public async Task A_used_link_and_an_expired_link_are_refused()
    {
        var manager = site.Tokyo.Community.Settings.Managers[0];
        var used = await NewLinkAsync(site.Tokyo.Id, manager, site.Clock.GetUtcNow());
        var expired = await NewLinkAsync(site.Tokyo.Id, manager, site.Clock.GetUtcNow() - DashboardCommands.LinkLifetime - TimeSpan.FromSeconds(1));
        await using var first = await chromium.NewContextAsync();
        await SignInAsync(await first.NewPageAsync(), used);
        await using var second = await chromium.NewContextAsync();
        var page = await second.NewPageAsync();

        foreach (var link in new[] { used, expired })
        {
            await page.GotoAsync(link);
            var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button).ClickAsync(), r => r.Request.Method == "POST");

            Assert.Equal((int)HttpStatusCode.Gone, refused.Status);
            Assert.Empty(await second.CookiesAsync());
        }

        var overview = await page.GotoAsync(Overview(site.Tokyo.Id));
        Assert.NotEqual((int)HttpStatusCode.OK, overview!.Status);
    }

    [BrowserFact]
    public async Task Another_communitys_pages_and_exports_are_not_found_to_a_tokyo_session()
    {
        var page = await SignedInPageAsync();

        foreach (var path in Pages.Append("/export/members.csv"))
        {
            var response = await page.GotoAsync(new Uri(site.BaseAddress, SeededDashboardRun.PathOf(site.Osaka.Id, path)).ToString());

            Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
            Assert.DoesNotContain(site.Osaka.Community.Name, await page.ContentAsync());
        }
    }

    [BrowserFact]
    public async Task Every_page_works_with_javascript_off_its_charts_drawn_as_svg_and_says_its_server_time()
    {
        await using var context = await chromium.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await SignInAsync(page, await NewLinkAsync(site.Tokyo.Id, site.Tokyo.Community.Settings.Managers[0], site.Clock.GetUtcNow()));

        foreach (var path in Pages)
        {
            var response = await GoAsync(page, path);

            Assert.Equal((int)HttpStatusCode.OK, response.Status);
            Assert.Matches(@"^app;dur=\d+\.\d$", await response.HeaderValueAsync("server-timing"));
            Assert.True(await page.Locator("main svg").CountAsync() > 0 || path == "/members", $"{path} draws no chart");
        }

        Assert.True(await page.Locator("tr[data-member]").CountAsync() > 0);
    }

    [BrowserFact]
    public async Task Tab_reaches_every_navigation_link_with_a_visible_focus()
    {
        var page = await SignedInPageAsync();
        var links = await page.Locator("nav a").CountAsync();
        var reached = new List<string>();

        for (var press = 0; press < links + 2 && reached.Count < links; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]?>(
                """
                () => {
                  const el = document.activeElement;
                  if (!el || !el.closest('nav')) return null;
                  const style = getComputedStyle(el);
                  return [el.getAttribute('href'), style.outlineStyle, style.outlineWidth, style.boxShadow];
                }
                """);
            if (focused is not null)
            {
                reached.Add(focused[0]);
                Assert.True(
                    (focused[1] != "none" && focused[2] != "0px") || focused[3] != "none",
                    $"{focused[0]} has no visible focus (outline {focused[1]} {focused[2]}, shadow {focused[3]})");
            }
        }

        Assert.Equal(links, reached.Count);
        Assert.Contains(SeededDashboardRun.PathOf(site.Tokyo.Id, "/members"), reached);
    }

    /// <summary>
    /// Each page of the English community pictured at 1280 px, light, as the README shows them. At most
    /// <see cref="ScreenshotHeight"/> tall, so a long table stays a picture of the page rather than a scroll of it.
    /// Every run takes the pictures (into a throw-away folder); only <c>NETWORKBOT_UPDATE_SCREENSHOTS=1</c> writes them
    /// into docs/screenshots, so an ordinary run never changes files in the repository. Japanese names need a CJK font
    /// for Chromium to draw them (<c>apt-get install fonts-noto-cjk</c>); without one they show as boxes.
    /// </summary>
    [BrowserFact]
    public async Task Each_page_is_pictured_for_the_readme()
    {
        var osaka = site.Osaka;
        var page = await SignedInPageAsync(osaka);
        var round = osaka.Rounds[^2].Round.Id.Value;
        using var scratch = new TempDatabase();
        var folder = Environment.GetEnvironmentVariable(UpdateScreenshotsVariable) == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : scratch.Folder;
        Directory.CreateDirectory(folder);

        foreach (var (name, path) in new[]
        {
            ("overview", ""), ("rounds", "/rounds"), ("round", "/rounds/" + Uri.EscapeDataString(round)), ("network", "/network"),
            ("events", "/events"), ("interests", "/interests"), ("members", "/members"),
        })
        {
            var response = await page.GotoAsync(new Uri(site.BaseAddress, SeededDashboardRun.PathOf(osaka.Id, path)).ToString());
            Assert.Equal((int)HttpStatusCode.OK, response!.Status);
            var height = Math.Min(ScreenshotHeight, await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight"));
            var file = Path.Combine(folder, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = height } });

            // A PNG's width is the big-endian number at byte 16 of its header.
            var header = (await File.ReadAllBytesAsync(file, Ct))[..24];
            Assert.Equal(1280, (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19]);
        }
    }

    private const int ScreenshotHeight = 2400;

    private const string UpdateScreenshotsVariable = "NETWORKBOT_UPDATE_SCREENSHOTS";

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NetworkBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository.");
    }

    private async Task<IPage> SignedInPageAsync(SeededCommunity? community = null)
    {
        community ??= site.Tokyo;
        var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, await NewLinkAsync(community.Id, community.Community.Settings.Managers[0], site.Clock.GetUtcNow()), community.Id);
        return page;
    }

    /// <summary>Opens the link and presses its "Continue" button, which posts the token and lands on the community's overview.</summary>
    private async Task SignInAsync(IPage page, string link, CommunityId? community = null)
    {
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button).ClickAsync();
        var escaped = Uri.EscapeDataString((community ?? site.Tokyo.Id).Value);
        await page.WaitForURLAsync(url => url.Contains(escaped, StringComparison.Ordinal));
    }

    /// <summary>A sign-in link made as <c>/admin dashboard</c> makes one (a random token, its hash stored), created at <paramref name="createdAt"/>.</summary>
    private async Task<string> NewLinkAsync(CommunityId community, MemberId manager, DateTimeOffset createdAt)
    {
        var token = DashboardToken.New();
        using var store = site.OpenStore();
        await store.Store.SaveSignInLinkAsync(
            new DashboardSignInLink(DashboardToken.Hash(token), community, manager, createdAt, createdAt + DashboardCommands.LinkLifetime), Ct);
        return new Uri(site.BaseAddress, $"{DashboardCommands.SignInPath}?token={token}").ToString();
    }

    private async Task<IResponse> GoAsync(IPage page, string path) =>
        (await page.GotoAsync(new Uri(site.BaseAddress, SeededDashboardRun.PathOf(site.Tokyo.Id, path)).ToString()))!;

    /// <summary>A chart's numbers (its table's data-value cells) by series, in the table's order (oldest first).</summary>
    private static async Task<Dictionary<string, List<string>>> ChartAsync(IPage page, string chart)
    {
        var cells = await page.Locator($"figure[data-chart='{chart}'] td[data-series]")
            .EvaluateAllAsync<string[][]>("cells => cells.map(c => [c.dataset.series, c.dataset.value])");
        return cells.GroupBy(c => c[0]).ToDictionary(g => g.Key, g => g.Select(c => c[1]).ToList());
    }

    private static void AssertSeries(IReadOnlyDictionary<string, IReadOnlyList<double>> expected, Dictionary<string, List<string>> shown)
    {
        Assert.Equal(expected.Keys.Order(), shown.Keys.Order());
        foreach (var (series, values) in expected)
        {
            Assert.Equal(values.Select(SeededFigures.Shown), shown[series]);
        }
    }
}
