using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Texts;
using NetworkBot.Host.Dashboard.Exports;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// <c>/dashboard/{community}/export/{members|rounds|connections|events|asks}.{csv|json}?from=&amp;to=</c>: the community's data
/// for a date range as a download. CSV is UTF-8 with a byte-order mark (so spreadsheet programs read Japanese names
/// right), a header row and ISO 8601 dates; JSON is an array of camelCase objects. Under <c>/dashboard/{community}</c>,
/// so <see cref="DashboardAccess"/> admits or refuses these as it does the pages.
/// </summary>
internal static class DashboardExports
{
    public const string Csv = "csv";
    public const string Json = "json";

    /// <summary>ISO 8601 to the second with the offset: what spreadsheet programs and scripts both read.</summary>
    public const string IsoDate = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>
    /// A byte-order mark, so spreadsheet programs read the file as UTF-8; names a member typed starting with = + - @ are
    /// escaped, so a spreadsheet shows them as text instead of running them as formulas.
    /// </summary>
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public static readonly IReadOnlyList<string> Names = ["members", "rounds", "connections", "events", "asks"];
    public static readonly IReadOnlyList<string> Formats = [Csv, Json];

    /// <summary>A download file, not a page in HTML, so Japanese stays readable instead of \u-escaped.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Path(CommunityId community, string export, string format) => $"{DashboardPaths.Community(community)}/export/{export}.{format}";

    public static LocalizedText Title(string export) => export switch
    {
        "rounds" => DashboardPageTexts.ExportRounds,
        "connections" => DashboardPageTexts.ExportConnections,
        "events" => DashboardPageTexts.ExportEvents,
        "asks" => DashboardPageTexts.ExportAsks,
        _ => DashboardPageTexts.ExportMembers,
    };

    public static WebApplication MapDashboardExports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(DashboardHosting.BasePath + "/{community}/export/{file}", ServeAsync);
        return app;
    }

    private static async Task ServeAsync(HttpContext context, string file, string? from, string? to)
    {
        var dot = file.LastIndexOf('.');
        var (export, format) = dot < 0 ? (file, string.Empty) : (file[..dot], file[(dot + 1)..]);
        if (!Names.Contains(export) || !Formats.Contains(format))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!ExportRange.TryParse(from, to, out var range))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("from and to are dates as yyyy-MM-dd.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var viewer = DashboardViewer.Of(context)!;
        var community = viewer.Community!.Value;
        var reader = ActivatorUtilities.CreateInstance<DashboardExportReader>(context.RequestServices);
        var ct = context.RequestAborted;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{community.ExternalId}-{export}.{format}\"";
        await (export switch
        {
            "members" => WriteAsync(context, format, await reader.MembersAsync(community, range, ct).ConfigureAwait(false)),
            "rounds" => WriteAsync(context, format, await reader.RoundsAsync(community, range, viewer.Language, ct).ConfigureAwait(false)),
            "connections" => WriteAsync(context, format, await reader.ConnectionsAsync(community, range, viewer.Language, ct).ConfigureAwait(false)),
            "asks" => WriteAsync(context, format, await reader.AsksAsync(community, range, ct).ConfigureAwait(false)),
            _ => WriteAsync(context, format, await reader.EventsAsync(community, range, viewer.Language, ct).ConfigureAwait(false)),
        }).ConfigureAwait(false);
    }

    private static async Task WriteAsync<T>(HttpContext context, string format, IReadOnlyList<T> rows)
    {
        var ct = context.RequestAborted;
        if (format == Json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, rows, JsonOptions, ct).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        var csv = CsvWriter.Create(context.Response.Body, CsvOptions, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordsAsync(rows, ct).ConfigureAwait(false);
            await csv.FlushAsync(ct).ConfigureAwait(false);
        }
    }
}
