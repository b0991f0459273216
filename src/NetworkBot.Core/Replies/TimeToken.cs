using System.Globalization;
using NodaTime;

namespace NetworkBot.Core.Replies;

/// <summary>
/// An instant in reply text that each platform shows in the viewer's own zone, either as a date and time
/// (<see cref="Full"/>) or as the time from now (<see cref="Relative"/>, "in 3 days"). Only the bot can write one: a
/// token is <c>t:UNIX:F</c> or <c>t:UNIX:R</c> between U+FDD0 and U+FDD1, characters <see cref="UserText"/> removes
/// from everything people type, so <c>{t:0:F}</c> in a pitch, or anything else a member writes, stays text.
/// Renderers expand tokens with <see cref="ReplyText.Render"/>.
/// </summary>
public static class TimeToken
{
    public const char FullStyle = 'F';
    public const char RelativeStyle = 'R';

    /// <summary>Opens a token; reserved (<see cref="UserText"/>), so it never comes from what people type.</summary>
    public const char Open = '\uFDD0';

    /// <summary>Closes a token.</summary>
    public const char Close = '\uFDD1';

    /// <summary>The longest token: the delimiters, <c>t:</c>, a sign and 12 digits, <c>:</c> and the style.</summary>
    private const int MaxLength = 19;

    private static readonly long MinUnix = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnix = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static string Full(DateTimeOffset at) => Of(at, FullStyle);

    public static string Relative(DateTimeOffset at) => Of(at, RelativeStyle);

    /// <summary>Reads the token that <paramref name="text"/> starts with, if it starts with one.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out DateTimeOffset at, out char style, out int length)
    {
        at = default;
        style = default;
        length = 0;
        if (text.Length < 6 || text[0] != Open)
        {
            return false;
        }

        var close = text[..Math.Min(text.Length, MaxLength)].IndexOf(Close);
        if (close < 0)
        {
            return false;
        }

        var inner = text[1..close];
        if (!inner.StartsWith("t:", StringComparison.Ordinal) || inner[^2] != ':' || inner[^1] is not (FullStyle or RelativeStyle)
            || !long.TryParse(inner[2..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unix)
            || unix < MinUnix || unix > MaxUnix)
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeSeconds(unix);
        style = inner[^1];
        length = close + 1;
        return true;
    }

    /// <summary>A token as UTC text (<c>2026-12-03 10:00 UTC</c>), for text a platform shows as it is (labels, notifications).</summary>
    public static string Utc(DateTimeOffset at, char style) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The tokens as plain text in one zone: <c>2026-12-03 19:00 (Asia/Tokyo)</c>, or <c>in 2d 3h</c> / <c>5h ago</c>.</summary>
    public static string InZone(string text, DateTimeZone zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ReplyText.Render(text, int.MaxValue, (at, style) => style == RelativeStyle
            ? Between(now, at)
            : Instant.FromDateTimeOffset(at).InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + zone.Id + ")");
    }

    private static string Of(DateTimeOffset at, char style) =>
        string.Create(CultureInfo.InvariantCulture, $"{Open}t:{at.ToUnixTimeSeconds()}:{style}{Close}");

    private static string Between(DateTimeOffset now, DateTimeOffset at)
    {
        var span = at - now;
        var size = span.Duration();
        var amount = size.TotalDays >= 1 ? $"{(int)size.TotalDays}d {size.Hours}h"
            : size.TotalHours >= 1 ? $"{(int)size.TotalHours}h {size.Minutes}m"
            : $"{(int)size.TotalMinutes}m";
        return span >= TimeSpan.Zero ? "in " + amount : amount + " ago";
    }
}
