using System.Net;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Domain;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>
/// Signing in to the dashboard with a one-time link, and what a session may see, over HTTP against the real host: the
/// link's page never spends it, the Continue button does once, an expired link is refused, and a session shows its own
/// community only — another community answers exactly as an unknown one.
/// </summary>
public sealed class DashboardSignInTests : IAsyncLifetime
{
    private static readonly CommunityId Tokyo = CommunityId.For("discord", "81384788765712384");
    private static readonly CommunityId Osaka = CommunityId.For("slack", "T024BE7LD");
    private static readonly MemberId Aiko = new("111");

    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(DashboardSite.Start);
    private DashboardSite site = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync(database.ConnectionString, clock);
        await site.SaveCommunityAsync(Tokyo, "Tokyo Cross-Industry Network");
        await site.SaveCommunityAsync(Osaka, "大阪ネットワーク", Language.Ja);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task Opening_the_link_shows_a_continue_button_and_spends_nothing_and_continuing_opens_the_communitys_overview()
    {
        var token = await site.SignInLinkAsync(Tokyo, Aiko, clock.GetUtcNow());
        var (preview, _) = site.Browser();
        using (var fetched = await preview.GetAsync($"/dashboard/sign-in?token={token}"))
        {
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        }

        var (browser, _) = site.Browser();
        using var signedIn = await DashboardSite.SignInAsync(browser, token);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/dashboard/discord%3A81384788765712384", signedIn.Headers.Location?.OriginalString);
        using var overview = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("<h1>Tokyo Cross-Industry Network</h1>", await overview.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_link_works_once()
    {
        var token = await site.SignInLinkAsync(Tokyo, Aiko, clock.GetUtcNow());
        var (first, _) = site.Browser();
        using (var used = await DashboardSite.SignInAsync(first, token))
        {
            Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        }

        var (second, cookies) = site.Browser();
        using var again = await DashboardSite.SignInAsync(second, token);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("/admin dashboard", await again.Content.ReadAsStringAsync());
        Assert.Empty(cookies.GetAllCookies());
        using var overview = await second.GetAsync("/dashboard/discord%3A81384788765712384");
        Assert.Equal(HttpStatusCode.Unauthorized, overview.StatusCode);
    }

    [Fact]
    public async Task A_link_older_than_ten_minutes_is_refused()
    {
        var token = await site.SignInLinkAsync(Tokyo, Aiko, clock.GetUtcNow());
        clock.Advance(DashboardCommands.LinkLifetime + TimeSpan.FromSeconds(1));
        var (browser, _) = site.Browser();

        using var late = await DashboardSite.SignInAsync(browser, token);

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("This link no longer works", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_for_one_community_sees_nothing_of_another_not_even_that_it_exists()
    {
        var (browser, _) = site.Browser();
        (await DashboardSite.SignInAsync(browser, await site.SignInLinkAsync(Tokyo, Aiko, clock.GetUtcNow()))).Dispose();

        foreach (var page in new[] { "", "/members", "/sessions", "/export/members.csv" })
        {
            using var unknown = await browser.GetAsync("/dashboard/discord%3A999" + page);
            using var other = await browser.GetAsync("/dashboard/slack%3AT024BE7LD" + page);

            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            var refusal = await other.Content.ReadAsStringAsync();
            Assert.Equal(await unknown.Content.ReadAsStringAsync(), refusal);
            Assert.DoesNotContain("大阪", refusal);
        }
    }

    [Fact]
    public async Task Without_a_session_a_communitys_page_says_how_to_sign_in()
    {
        var (browser, _) = site.Browser();

        using var page = await browser.GetAsync("/dashboard/discord%3A81384788765712384");

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/admin dashboard", html);
        Assert.DoesNotContain("Tokyo Cross-Industry Network", html);
    }

    [Fact]
    public async Task The_dashboards_front_page_sends_a_signed_in_manager_to_their_community_and_tells_others_how_to_sign_in()
    {
        var (stranger, _) = site.Browser();
        var (browser, _) = site.Browser();
        (await DashboardSite.SignInAsync(browser, await site.SignInLinkAsync(Osaka, Aiko, clock.GetUtcNow()))).Dispose();

        using var front = await browser.GetAsync("/dashboard");
        using var strangers = await stranger.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, front.StatusCode);
        Assert.Equal("/dashboard/slack%3AT024BE7LD", front.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, strangers.StatusCode);
        var page = await strangers.Content.ReadAsStringAsync();
        Assert.Contains("/admin dashboard", page);
        Assert.DoesNotContain("Tokyo", page);
    }

    [Fact]
    public async Task A_session_ends_after_its_lifetime()
    {
        var (browser, _) = site.Browser();
        (await DashboardSite.SignInAsync(browser, await site.SignInLinkAsync(Tokyo, Aiko, clock.GetUtcNow()))).Dispose();
        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        using (var stillOpen = await browser.GetAsync("/dashboard/discord%3A81384788765712384"))
        {
            Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        using var page = await browser.GetAsync("/dashboard/discord%3A81384788765712384");

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_http_only_same_site_strict_for_the_dashboard_only_and_not_secure_over_http()
    {
        var (browser, _) = site.Browser();

        using var signedIn = await DashboardSite.SignInAsync(browser, await site.SignInLinkAsync(Tokyo, Aiko, clock.GetUtcNow()));

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries);
        Assert.StartsWith("networkbot-dashboard=", attributes[0], StringComparison.Ordinal);
        Assert.True(attributes[0].Length > "networkbot-dashboard=".Length + 40);
        Assert.Contains("path=/dashboard", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.DoesNotContain("secure", attributes);
        Assert.Contains($"expires={(DashboardSite.Start + TimeSpan.FromHours(12)).ToString("R")}", attributes);
    }

    [Fact]
    public async Task The_pages_speak_the_communitys_language()
    {
        var (browser, _) = site.Browser();
        (await DashboardSite.SignInAsync(browser, await site.SignInLinkAsync(Osaka, Aiko, clock.GetUtcNow()))).Dispose();

        using var page = await browser.GetAsync("/dashboard/slack%3AT024BE7LD");

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains("<h1>大阪ネットワーク</h1>", html);
        Assert.Contains(">概要</a>", html);
    }

    [Fact]
    public async Task The_stylesheets_are_served_from_the_host_itself()
    {
        var (browser, _) = site.Browser();
        (await DashboardSite.SignInAsync(browser, await site.SignInLinkAsync(Tokyo, Aiko, clock.GetUtcNow()))).Dispose();
        using var page = await browser.GetAsync("/dashboard/discord%3A81384788765712384");
        var html = await page.Content.ReadAsStringAsync();

        var stylesheets = System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, stylesheets.Count);
        // From the root, not through <base href="/">: a base would send the skip link's #content to the site's root.
        Assert.StartsWith("/_content/MudBlazor/MudBlazor.min.", stylesheets[0], StringComparison.Ordinal);
        Assert.StartsWith("/dashboard.", stylesheets[1], StringComparison.Ordinal);
        foreach (var stylesheet in stylesheets)
        {
            using var css = await browser.GetAsync(stylesheet);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.True((await css.Content.ReadAsStringAsync()).Length > 500);
        }
    }
}
