using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Host.Dashboard.Components.Pages;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// The one gate of every <c>/dashboard/{community}/…</c> request, pages and exports alike, run before the endpoint: it
/// admits the viewer and records them as a <see cref="DashboardViewer"/>, or answers itself. In local mode everyone
/// sees every stored community; otherwise the session cookie must name a live session for the URL's community. A
/// session for another community gets the same 404 as an unknown community, so the answer tells nothing; no session at
/// all, or one of a manager who has since left the community's server or workspace, gets a page saying how to sign in (401).
/// </summary>
internal sealed class DashboardAccess(
    RequestDelegate next, DashboardMode mode, ICommunityStore communities, IMemberStore members, IDashboardStore sessions, TimeProvider time)
{
    public const string SignInSegment = "sign-in";

    public async Task InvokeAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        // Until the request is admitted to a community, the viewer is nobody in the browser's language.
        context.Features.Set(new DashboardViewer(null, null, RequestLanguage(context.Request), mode.Local, null));
        var segment = CommunitySegment(context.Request.Path);
        if (segment is SignInSegment)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var session = mode.Local ? null : await SessionAsync(context.Request, ct).ConfigureAwait(false);
        if (segment is null && session is not null)
        {
            // /dashboard for a manager signed in: their community. Anyone else reads the communities (local mode) or how to sign in.
            context.Response.Redirect(DashboardPaths.Community(session.Community));
            return;
        }

        if (segment is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!mode.Local && session is null)
        {
            await DashboardResponse.PageAsync<SignInNeededPage>(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var id = new CommunityId(segment);
        var community = session is null || session.Community == id ? await communities.GetCommunityAsync(id, ct).ConfigureAwait(false) : null;
        if (community is null)
        {
            await DashboardResponse.PageAsync<NotFoundPage>(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var manager = session is null ? null : await members.GetMemberAsync(id, session.Manager, ct).ConfigureAwait(false);
        if (manager?.LeftAt is not null)
        {
            // A manager who left the server or workspace keeps no way into its members' data, whatever their session's lifetime.
            await DashboardResponse.PageAsync<SignInNeededPage>(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var language = manager?.Profile.Language ?? community.Settings.Language;

        context.Features.Set(new DashboardViewer(id, session?.Manager, language, mode.Local, session?.Handle));
        await next(context).ConfigureAwait(false);
    }

    /// <summary>The live session the request's cookie names; null without one.</summary>
    private async Task<DashboardSession?> SessionAsync(HttpRequest request, CancellationToken ct) =>
        request.Cookies[DashboardCookie.Name] is { Length: > 0 } token
            ? await sessions.GetSessionAsync(DashboardToken.Hash(token), time.GetUtcNow(), ct).ConfigureAwait(false)
            : null;

    /// <summary>The segment after <c>/dashboard/</c> (the community, as the server already unescaped it); null for <c>/dashboard</c> itself.</summary>
    private static string? CommunitySegment(PathString path)
    {
        var rest = path.Value![DashboardHosting.BasePath.Length..].TrimStart('/');
        if (rest.Length == 0)
        {
            return null;
        }

        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Before anyone is known (sign-in, the list of communities): Japanese when the browser prefers it, else English.</summary>
    private static Language RequestLanguage(HttpRequest request)
    {
        foreach (var preferred in new RequestHeaders(request.Headers).AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            if (LanguageCodes.TryParse(preferred.Value.Value, out var language))
            {
                return language;
            }
        }

        return Language.En;
    }
}
