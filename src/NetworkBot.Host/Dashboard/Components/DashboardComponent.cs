using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace NetworkBot.Host.Dashboard.Components;

/// <summary>
/// What every dashboard page starts from: the request, rendered on the server, and the <see cref="DashboardViewer"/>
/// <see cref="DashboardAccess"/> admitted for it (community, manager, language). Pages under <c>Pages/</c> inherit it.
/// </summary>
public abstract class DashboardComponent : ComponentBase
{
    [CascadingParameter]
    private protected HttpContext HttpContext { get; set; } = default!;

    private protected DashboardViewer Viewer => DashboardViewer.Of(HttpContext)!;

    /// <summary>Cancelled when the browser goes away: what every store call of a page passes on.</summary>
    private protected CancellationToken Aborted => HttpContext.RequestAborted;
}
