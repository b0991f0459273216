using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Tests.Dashboard;
using NetworkBot.Host.Dashboard;
using NetworkBot.Host.Hosting;
using NetworkBot.Storage;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>
/// The dashboard's pages and exports over HTTP, served by the real dashboard hosting (local mode, so no sign-in) over
/// a real SQLite file holding <see cref="SmallCommunity"/>: each page answers 200 with the numbers the figure tests
/// worked out by hand, in the community's language.
/// </summary>
public sealed class DashboardPagesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDatabase database = new();
    private WebApplication app = null!;
    private HttpClient client = null!;
    private RoundRecord round2 = null!;

    private IStore Store => app.Services.GetRequiredService<IStore>();

    private static string Root => DashboardPaths.Community(SmallCommunity.Id);

    public async Task InitializeAsync()
    {
        // The host's own web builder: static web assets (the stylesheets) are found under the executable's name.
        var builder = NetworkBotHost.CreateWebBuilder(new FakeTimeProvider(Now));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = database.ConnectionString });
        builder.AddNetworkBotCore();
        builder.AddNetworkBotStorage();
        builder.AddNetworkBotDashboard(local: true);
        app = builder.Build();
        app.MapDashboard();
        await app.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(Ct);
        client = new HttpClient { BaseAddress = await LoopbackServer.StartAsync(app) };
        (_, round2) = await SmallCommunity.SeedAsync(Store, Now, Language.En, Ct);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        database.Dispose();
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
        Assert.Equal("0.5", FigureValue(overview, "meet-rate"));
        Assert.Contains("無断欠席は数えられません", events);
        Assert.DoesNotContain("Meet rate", overview);
    }

    [Fact]
    public async Task Every_page_has_a_skip_link_a_labelled_navigation_and_captioned_tables()
    {
        foreach (var path in new[] { Root, Root + "/rounds", Root + "/network", Root + "/events", Root + "/interests", Root + "/members" })
        {
            var html = await PageAsync(path);

            Assert.Contains("<a class=\"skip-link\" href=\"#content\">", html);
            Assert.Contains("<nav aria-label=\"Dashboard pages\">", html);
            Assert.Contains("aria-current=\"page\"", html);
            Assert.Equal(Regex.Count(html, "<table"), Regex.Count(html, "<caption>"));
        }
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

    private static List<string> Attribute(string html, string attribute) =>
        [.. Regex.Matches(html, $"{attribute}=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Distinct()];
}
