using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Host.Dashboard;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>
/// The sessions page over HTTP against the real host: it lists the community's sessions, revokes one (a form with an
/// antiforgery token), and signing out is revoking one's own; the antiforgery keys live in the database, so another
/// instance over it accepts the forms this one issued.
/// </summary>
public sealed partial class DashboardSessionsTests : IAsyncLifetime
{
    private static readonly CommunityId Tokyo = CommunityId.For("discord", "81384788765712384");
    private const string Overview = "/dashboard/discord%3A81384788765712384";
    private const string Sessions = Overview + "/sessions";
    private static readonly MemberId Mana = new("111");
    private static readonly MemberId Ken = new("222");

    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(DashboardSite.Start);
    private DashboardSite site = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync(database.ConnectionString, clock);
        await site.SaveCommunityAsync(Tokyo, "Tokyo Cross-Industry Network");
        await site.Store.SaveMemberAsync(new Member(Tokyo, Mana, "Mana", Core.Intro.Profile.Empty, Core.Coffee.CoffeeEnrollment.NotJoined, DashboardSite.Start), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task The_page_lists_the_communitys_sessions_and_marks_the_viewers_own()
    {
        var mana = await SignedInAsync(site, Mana);
        clock.Advance(TimeSpan.FromMinutes(5));
        await SignedInAsync(site, Ken);

        var page = await PageAsync(mana);

        var rows = Handles().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Matches(@"<td>Mana\s*<strong>\(this session\)</strong>\s*</td>", page);
        Assert.Contains("<td>222</td>", page);
        var manaSince = DashboardSite.Start.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($">{manaSince} (Asia/Tokyo)</time>", page);
    }

    [Fact]
    public async Task Revoking_a_session_signs_its_browser_out_and_leaves_the_others()
    {
        var mana = await SignedInAsync(site, Mana);
        var ken = await SignedInAsync(site, Ken);
        var page = await PageAsync(mana);
        var kens = OtherHandle(page);

        using var revoked = await DashboardSite.PostFormAsync(
            mana, new Uri(Sessions + "/revoke", UriKind.Relative), ("__RequestVerificationToken", DashboardSite.HiddenField(page, "__RequestVerificationToken")), ("handle", kens));

        Assert.Equal(HttpStatusCode.SeeOther, revoked.StatusCode);
        Assert.Equal(Sessions, revoked.Headers.Location?.OriginalString);
        using (var kenNow = await ken.GetAsync(Overview))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, kenNow.StatusCode);
        }

        using var manaNow = await mana.GetAsync(Overview);
        Assert.Equal(HttpStatusCode.OK, manaNow.StatusCode);
        Assert.Single(Handles().Matches(await PageAsync(mana)));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_forgets_the_cookie()
    {
        var mana = await SignedInAsync(site, Mana);
        var page = await PageAsync(mana);
        var own = Regex.Match(page, "<tr data-handle=\"([^\"]+)\"").Groups[1].Value;

        using var signedOut = await DashboardSite.PostFormAsync(
            mana, new Uri(Sessions + "/revoke", UriKind.Relative), ("__RequestVerificationToken", DashboardSite.HiddenField(page, "__RequestVerificationToken")), ("handle", own));

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal("/dashboard", signedOut.Headers.Location?.OriginalString);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("networkbot-dashboard=;", StringComparison.Ordinal) && c.Contains("path=/dashboard", StringComparison.Ordinal));
        Assert.Empty(await site.Store.ListSessionsAsync(Tokyo, clock.GetUtcNow(), CancellationToken.None));
        using var after = await mana.GetAsync(Overview);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_revoke_without_the_pages_antiforgery_token_is_refused()
    {
        var mana = await SignedInAsync(site, Mana);
        var ken = await SignedInAsync(site, Ken);
        var kens = OtherHandle(await PageAsync(mana));

        using var forged = await DashboardSite.PostFormAsync(mana, new Uri(Sessions + "/revoke", UriKind.Relative), ("handle", kens));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var kenNow = await ken.GetAsync(Overview);
        Assert.Equal(HttpStatusCode.OK, kenNow.StatusCode);
    }

    [Fact]
    public async Task The_keys_are_in_the_database_and_another_instance_over_it_accepts_this_ones_forms()
    {
        var (mana, manaCookies) = await SignedInWithCookiesAsync(site, Mana);
        var ken = await SignedInAsync(site, Ken);
        var page = await PageAsync(mana);
        Assert.NotEmpty(await site.Store.ListDataProtectionKeysAsync(CancellationToken.None));

        await using var second = await DashboardSite.StartAsync(database.ConnectionString, clock);
        var (other, cookies) = second.Browser();
        foreach (Cookie cookie in manaCookies.GetAllCookies())
        {
            cookies.Add(second.Address, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        using var revoked = await DashboardSite.PostFormAsync(
            other, new Uri(Sessions + "/revoke", UriKind.Relative), ("__RequestVerificationToken", DashboardSite.HiddenField(page, "__RequestVerificationToken")), ("handle", OtherHandle(page)));

        Assert.Equal(HttpStatusCode.SeeOther, revoked.StatusCode);
        using var kenNow = await ken.GetAsync(Overview);
        Assert.Equal(HttpStatusCode.Unauthorized, kenNow.StatusCode);
    }

    [Fact]
    public async Task A_manager_who_leaves_the_server_is_signed_out_at_once_and_the_other_managers_are_not()
    {
        var mana = await SignedInAsync(site, Mana);
        var ken = await SignedInAsync(site, Ken);
        await PageAsync(mana);

        await Departures().LeftAsync(Tokyo, Mana, CancellationToken.None);

        using (var refused = await mana.GetAsync(Overview))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var export = await mana.GetAsync(Overview + "/export/members.csv"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
        }

        await PageAsync(ken);
    }

    [Fact]
    public void The_cookie_is_secure_when_the_dashboard_is_reached_over_https_directly_or_through_a_proxy()
    {
        var http = new DefaultHttpContext().Request;
        var https = new DefaultHttpContext().Request;
        https.Scheme = "https";

        Assert.False(DashboardCookie.IsHttps(http, null));
        Assert.False(DashboardCookie.IsHttps(http, "http://127.0.0.1:8080"));
        Assert.True(DashboardCookie.IsHttps(https, null));
        Assert.True(DashboardCookie.IsHttps(http, "https://bot.example.com/"));
        Assert.True(DashboardCookie.Options(https: true, DashboardSite.Start).Secure);
        Assert.False(DashboardCookie.Options(https: false, DashboardSite.Start).Secure);
    }

    private Departures Departures() => new(site.Store, clock, NullLogger<Departures>.Instance);

    private static async Task<string> PageAsync(HttpClient browser)
    {
        using var page = await browser.GetAsync(Sessions);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>The handle of the session on <paramref name="page"/> that is not the viewer's own.</summary>
    private static string OtherHandle(string page) =>
        Handles().Matches(page).Select(m => m.Groups[1].Value).Single(h => !Regex.IsMatch(page, $"data-handle=\"{Regex.Escape(h)}\"><td>Mana"));

    private async Task<HttpClient> SignedInAsync(DashboardSite on, MemberId manager) => (await SignedInWithCookiesAsync(on, manager)).Browser;

    private async Task<(HttpClient Browser, CookieContainer Cookies)> SignedInWithCookiesAsync(DashboardSite on, MemberId manager)
    {
        var browser = on.Browser();
        using var signedIn = await DashboardSite.SignInAsync(browser.Client, await on.SignInLinkAsync(Tokyo, manager, clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        return browser;
    }

    [GeneratedRegex("<tr data-handle=\"([^\"]+)\"")]
    private static partial Regex Handles();
}
