using Microsoft.AspNetCore.Http;
using NetworkBot.Core.Domain;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// Who is looking at the dashboard, decided once per request by <see cref="DashboardAccess"/> before any page or export
/// runs, and kept in the request's features so every page and endpoint reads the same answer:
/// <c>DashboardViewer.Of(HttpContext)</c>. <see cref="Community"/> is the community of the URL, already checked
/// against the session (null on <c>/dashboard</c> itself); <see cref="Manager"/> and <see cref="SessionHandle"/> are
/// null in local mode (<c>networkbot dashboard</c>), where no one signs in. <see cref="Language"/> is the manager's own
/// language when they set one, else the community's.
/// </summary>
internal sealed record DashboardViewer(CommunityId? Community, MemberId? Manager, Language Language, bool Local, string? SessionHandle)
{
    /// <summary>The viewer <see cref="DashboardAccess"/> admitted; null outside <c>/dashboard</c>.</summary>
    public static DashboardViewer? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<DashboardViewer>();
    }
}
