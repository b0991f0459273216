using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using NetworkBot.Core.Dashboard;
using NetworkBot.Host.Dashboard.Components;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// The managers' dashboard on the host's listener: Razor components rendered on the server only (static SSR: every
/// page is plain HTML with its charts as SVG, so it works with JavaScript off), behind <see cref="DashboardAccess"/>.
/// Used by <c>networkbot run</c> (sign-in required) and <c>networkbot dashboard</c> (local mode).
/// </summary>
internal static class DashboardHosting
{
    public const string BasePath = "/dashboard";

    /// <summary>Fixed, so instances installed in different folders share keys (the default name is the install path).</summary>
    public const string DataProtectionApplication = "NetworkBot";

    public static WebApplicationBuilder AddNetworkBotDashboard(this WebApplicationBuilder builder, bool local)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // MudBlazor's stylesheet (_content/MudBlazor/…) and wwwroot are static web assets: a build lists where each file
        // lies in networkbot.staticwebassets.runtime.json, which only the Development environment reads by itself; a
        // published app has them copied under wwwroot, and the call does nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();

        // Japanese text as itself, not as &#x…; entities: pages half the size, and readable source.
        builder.Services.TryAddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddMudServices();
        builder.Services.AddAntiforgery();
        builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IDashboardStore>((keys, store) => keys.XmlRepository = new DashboardKeyRepository(store));

        // The keys are stored as plain XML on purpose: they live in the database beside the members' data, which the
        // deployment protects anyway, and no certificate is there to encrypt them with. Data protection warns about
        // that at every start; the warning would be the first thing a newcomer's `dashboard` prints, and says nothing new.
        builder.Logging.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error);
        builder.Services.TryAddSingleton(new DashboardMode(local));
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(BasePath), branch => branch.UseMiddleware<DashboardServerTiming>().UseMiddleware<DashboardAccess>());
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapDashboardSignIn();
        app.MapRazorComponents<App>();
        app.MapDashboardExports();
        return app;
    }
}
