using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;

namespace NetworkBot.Host.Hosting;

/// <summary>
/// <c>GET /calendar/{community}.ics?token=…</c>: a community's events as an iCalendar feed for calendar apps. The
/// token is the community's secret (<c>/admin events feed</c> shows, rotates or revokes it), compared in constant
/// time; a wrong token, an unknown community and a revoked feed all get the same 404, so the answer tells nothing.
/// </summary>
internal static class CalendarFeed
{
    public const string Route = "/calendar/{file}";
    private const string Suffix = ".ics";

    /// <summary>How far back the feed keeps events that are over, so subscribed calendars do not lose them.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(180);

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, ServeAsync);
        return app;
    }

    private static async Task<IResult> ServeAsync(string file, string? token, IStore store, TimeProvider time, CancellationToken ct)
    {
        if (!file.EndsWith(Suffix, StringComparison.Ordinal) || string.IsNullOrEmpty(token))
        {
            return Results.NotFound();
        }

        var community = new CommunityId(file[..^Suffix.Length]);
        var expected = await store.GetCalendarTokenAsync(community, ct).ConfigureAwait(false);
        if (expected is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token)))
        {
            return Results.NotFound();
        }

        var events = await store.ListCalendarEventsAsync(community, time.GetUtcNow() - History, ct).ConfigureAwait(false);
        var name = (await store.GetCommunityAsync(community, ct).ConfigureAwait(false))?.Name;
        return Results.Text(IcsCalendar.Write(events, time.GetUtcNow(), name), IcsCalendar.ContentType);
    }
}
