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

    /// <summary>Starts <paramref name="app"/> and returns where it listens (<c>http://127.0.0.1:port/</c>).</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync().ConfigureAwait(false);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
