using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Dashboard;
using NetworkBot.Host.Hosting;
using NetworkBot.Host.Shell;
using NetworkBot.Storage;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Dashboard;

/// <summary>
/// The dashboard as <c>networkbot run</c> serves it (the host's own configuration, services and endpoint mapping, sign-in
/// required unless <c>local</c>), on Kestrel at 127.0.0.1 port 0 over a real SQLite file, on a clock the
/// test moves. Browsers are <see cref="HttpClient"/>s with their own cookie jars that do not follow redirects.
/// </summary>
internal sealed partial class DashboardSite(WebApplication app, Uri address) : IAsyncDisposable
{
    /// <summary>
    /// Where the site's clock starts: now, to the second, because the browsers (cookie jars) read the real clock and
    /// drop a cookie whose expiry the site computed from a date already past.
    /// </summary>
    public static DateTimeOffset Start { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private readonly List<HttpClient> browsers = [];

    public IStore Store => app.Services.GetRequiredService<IStore>();

    public Uri Address => address;

    public static async Task<DashboardSite> StartAsync(string connectionString, TimeProvider clock, bool local = false, string provider = StorageOptions.SqliteProvider)
    {
        var builder = NetworkBotHost.CreateWebBuilder(clock);
        var console = new ShellConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, IsInteractive: false);
        NetworkBotHost.Configure(builder, console, new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = connectionString }, LogLevel.Warning);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddNetworkBotDashboard(local);
        var app = builder.Build();
        await app.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        app.MapDashboard();
        return new DashboardSite(app, await LoopbackServer.StartAsync(app));
    }

    /// <summary>A browser of its own: cookies kept per browser, redirects shown to the test rather than followed.</summary>
    public (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        browsers.Add(client);
        return (client, cookies);
    }

    public async Task SaveCommunityAsync(CommunityId id, string name, Language language = Language.En)
    {
        await Store.SaveCommunityAsync(new Community(id, name, CommunitySettings.Default with { Language = language, TimeZone = "Asia/Tokyo" }, Start), CancellationToken.None);
    }

    /// <summary>What <c>/admin dashboard</c> stores: a link for <paramref name="manager"/> of <paramref name="community"/>; returns its token.</summary>
    public async Task<string> SignInLinkAsync(CommunityId community, MemberId manager, DateTimeOffset now)
    {
        var token = DashboardToken.New();
        await Store.SaveSignInLinkAsync(new DashboardSignInLink(DashboardToken.Hash(token), community, manager, now, now + DashboardCommands.LinkLifetime), CancellationToken.None);
        return token;
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, Uri path, params (string Name, string Value)[] fields) =>
        browser.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>Signs <paramref name="browser"/> in with <paramref name="token"/> as a manager does: the page, then its Continue button.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token) =>
        FollowSignInLinkAsync(browser, new Uri($"/dashboard/sign-in?token={token}", UriKind.Relative));

    /// <summary>Opens the sign-in <paramref name="link"/> and presses its Continue button: the answer to that POST.</summary>
    public static async Task<HttpResponseMessage> FollowSignInLinkAsync(HttpClient browser, Uri link)
    {
        using var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await page.Content.ReadAsStringAsync();
        var token = HiddenField(form, "token");
        Assert.EndsWith("?token=" + token, link.OriginalString, StringComparison.Ordinal);
        var action = new Uri(FormAction(form), UriKind.Relative);
        return await PostFormAsync(browser, link.IsAbsoluteUri ? new Uri(link, action) : action, ("token", token));
    }

    /// <summary>The value of the hidden input <paramref name="name"/> of an HTML form (the first one with that name).</summary>
    public static string HiddenField(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<input type=\"hidden\" name=\"" + Regex.Escape(name) + "\" value=\"([^\"]*)\"").Groups[1].Value);

    private static string FormAction(string html) => WebUtility.HtmlDecode(ActionAttribute().Match(html).Groups[1].Value);

    [GeneratedRegex("""<form method="post" action="([^"]*)">""")]
    private static partial Regex ActionAttribute();

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        await app.DisposeAsync();
    }
}
