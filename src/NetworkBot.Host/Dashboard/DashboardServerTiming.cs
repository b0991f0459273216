using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// Says on every <c>/dashboard</c> response how long the server spent on it: <c>Server-Timing: app;dur=12.3</c>
/// (milliseconds from the request reaching the dashboard to the response starting, which for a page rendered on the
/// server is all of its reading and rendering). Browsers' developer tools show it beside the network's share, and the
/// dashboard benchmark reads it, so a slow page is told apart from a slow connection.
/// </summary>
internal sealed class DashboardServerTiming(RequestDelegate next, TimeProvider time)
{
    public const string Header = "Server-Timing";

    public Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = string.Create(CultureInfo.InvariantCulture, $"app;dur={time.GetElapsedTime(started).TotalMilliseconds:0.0}");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
