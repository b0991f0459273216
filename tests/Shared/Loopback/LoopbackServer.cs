using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkBot.Tests;

/// <summary>
/// Kestrel on 127.0.0.1, port 0, with logging off: where every fake of Discord and Slack listens. Linked into the
/// test projects that reference ASP.NET Core (not <c>../Shared/*.cs</c>, which the Core tests link too).
/// </summary>
public static class LoopbackServer
{
    /// <summary>An application for a fake to map its endpoints on, not yet listening.</summary>
    public static WebApplication Create() => CreateBuilder().Build();

    /// <summary>The builder of such an application, for a test that adds services of its own first.</summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>
    /// A loopback port nobody listens on right now, for a host that is told its <c>Urls</c> up front (<c>networkbot
    /// run</c> does not say which port 0 became).
    /// </summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <paramref name="app"/> and returns where it listens (<c>http://127.0.0.1:port/</c>).</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync().ConfigureAwait(false);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
