using System.Globalization;
using NetworkBot.Core.Replies;

namespace NetworkBot.Slack.BlockKit;

/// <summary>
/// Text for Slack's mrkdwn and message <c>text</c>. Slack reads <c>&lt;…&gt;</c> as control sequences (<c>&lt;!everyone&gt;</c>,
/// <c>&lt;@U123&gt;</c>, links), so everything a member wrote is escaped before it goes into such text; the only control
/// sequences in bot output are the ones this class builds.
/// </summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>Slack's date token format used by <see cref="Date"/> unless a caller picks another: "Nov 21, 2026 at 10:00 AM" in the reader's time zone.</summary>
    public const string DefaultDateFormat = "{date_short_pretty} {time}";

    /// <summary><c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as entities, the three characters Slack asks to escape; nothing else changes.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>") < 0)
        {
            return text ?? string.Empty;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// A date every reader sees in their own time zone and language: <c>&lt;!date^unix^format|fallback&gt;</c>.
    /// <paramref name="fallback"/> (shown by clients that cannot format it) is escaped.
    /// </summary>
    public static string Date(DateTimeOffset when, string format, string fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        if (format.AsSpan().IndexOfAny("|<>^") >= 0)
        {
            throw new ArgumentException($"A Slack date format cannot contain | < > or ^; got '{format}'.", nameof(format));
        }

        var unix = when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"<!date^{unix}^{format}|{Escape(fallback).Replace("|", "/", StringComparison.Ordinal)}>";
    }

    /// <summary>
    /// Core's time tokens (<c>{t:unix:F}</c>, <c>{t:unix:R}</c>) in escaped mrkdwn as Slack dates, which each reader sees
    /// in their own zone ("Thursday, December 3rd, 2026 at 7:00 PM", "in 3 days"), with a UTC fallback.
    /// </summary>
    public static string WithDates(string mrkdwn) =>
        TimeToken.Replace(mrkdwn, (at, style) => Date(at, style == TimeToken.RelativeStyle ? "{ago}" : "{date_long_pretty} {time}", Utc(at)));

    /// <summary>Core's time tokens as UTC text, for plain text and notification fallbacks where Slack formats no dates.</summary>
    public static string WithUtcDates(string text) => TimeToken.Replace(text, (at, _) => Utc(at));

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary><paramref name="text"/> when it fits, else its start and "…", never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = Math.Max(max - Ellipsis.Length, 0);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), Ellipsis);
    }

    /// <summary>
    /// <see cref="Escape"/>d and then shortened to <paramref name="max"/> characters, never cutting an entity in half
    /// (a dangling <c>&amp;am</c> would show as garbage).
    /// </summary>
    public static string EscapeWithin(string? text, int max)
    {
        var escaped = Escape(text);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        // After escaping, every '&' starts an entity; one that would straddle the cut is dropped whole.
        var cut = Math.Max(max - Ellipsis.Length, 0);
        var amp = cut == 0 ? -1 : escaped.LastIndexOf('&', cut - 1);
        if (amp >= 0 && escaped.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(escaped[cut - 1]))
        {
            cut--;
        }

        return string.Concat(escaped.AsSpan(0, cut), Ellipsis);
    }
}
