using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace NetworkBot.Host.Dashboard;

/// <summary>
/// SVG drawn by the pages themselves (sparklines, the network graph): coordinates written invariantly, and
/// <c>&lt;text&gt;</c>, a tag Razor reserves as its own, written as encoded markup.
/// </summary>
internal static class SvgText
{
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <param name="anchor">SVG's text-anchor: start, middle or end.</param>
    public static MarkupString Text(string text, double x, double y, string cssClass, string anchor = "start") =>
        new($"<text x=\"{Coordinate(x)}\" y=\"{Coordinate(y)}\" class=\"{cssClass}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(text)}</text>");
}
