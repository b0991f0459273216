using System.Net;
using System.Text.RegularExpressions;
using NetworkBot.Host.Tests.Dashboard;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// A manager asks for the dashboard where they chat, gets a sign-in link only they see, follows it in a browser (the
/// page, then Continue) and lands on their community's overview; a member who is no manager is refused.
/// </summary>
internal static partial class DashboardJourney
{
    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Mana", "/admin setup timezone:UTC", ct);
        await Journey.OkAsync(s, "Aiko", "/coffee join", ct);

        var refused = await s.RunAsync("Aiko", "/admin dashboard", ct);
        Assert.True(refused.IsError, refused.ToString());
        Assert.DoesNotMatch(SignInLink(), refused.Text);

        var answer = await Journey.OkAsync(s, "Mana", "/admin dashboard", ct);
        Assert.Equal(Place.Answer, answer.Where);
        Assert.Equal(s.AnswersPrivately, answer.Private);
        var link = new Uri(SignInLink().Match(answer.Text).Value);
        var community = await s.Store.GetCommunityAsync(s.Community, ct);

        var followed = await s.FollowAsync(link, ct);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        using var signedIn = await DashboardSite.FollowSignInLinkAsync(browser, followed);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        using var overview = await browser.GetAsync(new Uri(followed, signedIn.Headers.Location!), ct);

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains($"<h1>{WebUtility.HtmlEncode(community!.Name)}</h1>", await overview.Content.ReadAsStringAsync(ct));
        Assert.Equal($"/dashboard/{Uri.EscapeDataString(s.Community.Value)}", overview.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [GeneratedRegex(@"https?://[^\s>|]+/dashboard/sign-in\?token=[A-Za-z0-9_-]{43}")]
    private static partial Regex SignInLink();
}
