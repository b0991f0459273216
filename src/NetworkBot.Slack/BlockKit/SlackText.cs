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
    public const string Ellipsis = ReplyText.Ellipsis;

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
    /// Reply text as mrkdwn within <paramref name="max"/> characters: Core's time tokens as Slack dates, which each reader
    /// sees in their own zone ("Thursday, December 3rd, 2026 at 7:00 PM", "in 3 days") with a UTC fallback; everything
    /// else <see cref="Escape"/>d, so what a member wrote (<c>&lt;!here&gt;</c>, <c>&lt;!date^…&gt;</c>) stays text. The
    /// length is measured after both, and a cut never splits a date or an entity.
    /// </summary>
    public static string Mrkdwn(string? text, int max) =>
        ReplyText.Render(text, max, (at, style) => Date(at, style == TimeToken.RelativeStyle ? "{ago}" : "{date_long_pretty} {time}", TimeToken.Utc(at, style)), EscapeChar);

    /// <summary>
    /// <see cref="Escape"/>d text within <paramref name="max"/> characters with Core's time tokens in UTC, for the
    /// message <c>text</c> that notifications show and where Slack formats no dates; a cut never splits an entity
    /// (a dangling <c>&amp;am</c> would show as garbage).
    /// </summary>
    public static string EscapeWithin(string? text, int max) => ReplyText.Render(text, max, TimeToken.Utc, EscapeChar);

    /// <summary>
    /// Text Slack shows as it is (plain_text): <paramref name="text"/> when it fits, else its start and "…", never
    /// splitting a surrogate pair; Core's time tokens in UTC.
    /// </summary>
    public static string Truncate(string? text, int max) => ReplyText.Render(text, max, TimeToken.Utc);

    private static string? EscapeChar(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        _ => null,
    };
}
