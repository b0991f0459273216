using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Dashboard;
using NetworkBot.Host.Dashboard.Components.Pages;
using NetworkBot.Host.Hosting;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// Signing in with a link from <c>/admin dashboard</c>, and the session's end. <c>GET /dashboard/sign-in</c> only shows a
/// "Continue" button: chat platforms fetch links for their previews, and a GET that used the token would spend it
/// before the manager clicks. <c>POST</c> redeems it (the token is the secret, so it needs no antiforgery token),
/// opens a session and sends the browser to the community with 303. Revoking a session (signing out is revoking
/// one's own) is a form of the sessions page, behind <see cref="DashboardAccess"/> and antiforgery.
/// </summary>
internal static class SignInEndpoints
{
    public const string RevokeRoute = DashboardHosting.BasePath + "/{community}/sessions/revoke";

    public static IEndpointRouteBuilder MapDashboardSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(DashboardPaths.SignIn, (string? token) =>
            DashboardResponse.Page<SignInPage>(StatusCodes.Status200OK, new Dictionary<string, object> { [nameof(SignInPage.Token)] = token ?? string.Empty }));
        app.MapPost(DashboardPaths.SignIn, SignInAsync).DisableAntiforgery();
        app.MapPost(RevokeRoute, RevokeAsync);
        return app;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, [FromForm] string? token, IDashboardStore store, TimeProvider time, IOptions<WebOptions> web, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (string.IsNullOrEmpty(token) || await store.RedeemSignInLinkAsync(DashboardToken.Hash(token), now, ct).ConfigureAwait(false) is not { } link)
        {
            return DashboardResponse.Page<LinkInvalidPage>(StatusCodes.Status410Gone);
        }

        var secret = DashboardToken.New();
        var session = new DashboardSession(DashboardToken.Hash(secret), DashboardToken.NewHandle(), link.Community, link.Manager, now, now + web.Value.SessionLifetime);
        await store.SaveSessionAsync(session, ct).ConfigureAwait(false);
        context.Response.Cookies.Append(DashboardCookie.Name, secret, DashboardCookie.Options(DashboardCookie.IsHttps(context.Request, web.Value.PublicBaseUrl), session.ExpiresAt));
        return SeeOther(context, DashboardPaths.Community(link.Community));
    }

    /// <summary>
    /// Ends one of the community's sessions and shows the list again; ending the viewer's own is signing out, which
    /// forgets the cookie too and leaves for <c>/dashboard</c>.
    /// </summary>
    private static async Task<IResult> RevokeAsync(HttpContext context, [FromForm] string handle, IDashboardStore store, CancellationToken ct)
    {
        var viewer = DashboardViewer.Of(context)!;
        var community = viewer.Community!.Value;
        await store.RevokeSessionAsync(community, handle, ct).ConfigureAwait(false);
        if (handle != viewer.SessionHandle)
        {
            return SeeOther(context, DashboardPaths.Sessions(community));
        }

        context.Response.Cookies.Delete(DashboardCookie.Name, new CookieOptions { Path = DashboardHosting.BasePath });
        return SeeOther(context, DashboardHosting.BasePath);
    }

    /// <summary>303: the browser follows with a GET, so reloading the next page does not post the form again.</summary>
    private static IResult SeeOther(HttpContext context, string location)
    {
        context.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
