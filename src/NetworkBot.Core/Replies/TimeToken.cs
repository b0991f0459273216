using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace NetworkBot.Core.Replies;

/// <summary>
/// An instant in reply text that each platform shows in the viewer's own zone: <c>{t:1764748800:F}</c> is a date
/// and time, <c>{t:1764748800:R}</c> the time from now ("in 3 days"). Core writes them; renderers replace them
/// (<see cref="Replace"/>) with their platform's form.
/// </summary>
public static partial class TimeToken
{
    public const char FullStyle = 'F';
    public const char RelativeStyle = 'R';

    public static string Full(DateTimeOffset at) => Of(at, FullStyle);

    public static string Relative(DateTimeOffset at) => Of(at, RelativeStyle);

    /// <summary>Replaces every token in <paramref name="text"/> with <paramref name="render"/>(instant, style).</summary>
    public static string Replace(string text, Func<DateTimeOffset, char, string> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        return Pattern().Replace(text, m =>
            long.TryParse(m.Groups["unix"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unix)
            && unix >= MinUnix && unix <= MaxUnix
                ? render(DateTimeOffset.FromUnixTimeSeconds(unix), m.Groups["style"].Value[0])
                : m.Value);
    }

    /// <summary>The tokens as plain text in one zone: <c>2026-12-03 19:00 (Asia/Tokyo)</c>, or <c>in 2d 3h</c> / <c>5h ago</c>.</summary>
    public static string InZone(string text, DateTimeZone zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Replace(text, (at, style) => style == RelativeStyle
            ? Between(now, at)
            : Instant.FromDateTimeOffset(at).InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + zone.Id + ")");
    }

    private static readonly long MinUnix = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnix = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static string Of(DateTimeOffset at, char style) =>
        "{t:" + at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":" + style + "}";

    private static string Between(DateTimeOffset now, DateTimeOffset at)
    {
        var span = at - now;
        var size = span.Duration();
        var amount = size.TotalDays >= 1 ? $"{(int)size.TotalDays}d {size.Hours}h"
            : size.TotalHours >= 1 ? $"{(int)size.TotalHours}h {size.Minutes}m"
            : $"{(int)size.TotalMinutes}m";
        return span >= TimeSpan.Zero ? "in " + amount : amount + " ago";
    }

    [GeneratedRegex(@"\{t:(?<unix>-?\d{1,12}):(?<style>[FR])\}")]
    private static partial Regex Pattern();
}
