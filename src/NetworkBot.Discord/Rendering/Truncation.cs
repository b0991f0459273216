using System.Globalization;
using NetworkBot.Core.Replies;

namespace NetworkBot.Discord.Rendering;

/// <summary>
/// Fits user-visible text into Discord's limits instead of letting a 400 lose the whole message. Core's time tokens
/// are expanded before the text is measured (<see cref="ReplyText"/>), so an expansion can never push it over.
/// </summary>
internal static class Truncation
{
    public const string Ellipsis = ReplyText.Ellipsis;

    /// <summary>Zero-width space: Discord rejects empty field names and values, this shows nothing.</summary>
    public const string Blank = "\u200b";

    /// <summary>
    /// Text Discord shows as it is (labels, names, inputs): <paramref name="text"/> when it fits, else its start and "…",
    /// never splitting a surrogate pair; time tokens in UTC.
    /// </summary>
    public static string Truncate(string? text, int max) => ReplyText.Render(text, max, TimeToken.Utc);

    /// <summary>Like <see cref="Truncate"/>, with <see cref="Blank"/> for null or empty text.</summary>
    public static string NonEmpty(string? text, int max) => OrBlank(Truncate(text, max));

    /// <summary>
    /// Text Discord reads as markdown (content, embed title, description, fields): time tokens as Discord timestamps,
    /// which every viewer sees in their own zone and language, and every other <c>&lt;</c> escaped, so nothing a member
    /// wrote becomes a mention, channel, emoji, command or timestamp (<c>&lt;t:0:F&gt;</c> in a pitch stays text).
    /// </summary>
    public static string Markdown(string? text, int max) => ReplyText.Render(text, max, Timestamp, EscapeMarkdown);

    /// <summary>Like <see cref="Markdown"/>, with <see cref="Blank"/> for null or empty text.</summary>
    public static string NonEmptyMarkdown(string? text, int max) => OrBlank(Markdown(text, max));

    private static string OrBlank(string text) => text.Length == 0 ? Blank : text;

    private static string Timestamp(DateTimeOffset at, char style) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:{style}>");

    /// <summary>
    /// A backslash makes Discord show the next character as typed. The backslash itself is escaped too, so text ending
    /// in one cannot disarm the bot's own timestamp that follows it.
    /// </summary>
    private static string? EscapeMarkdown(char c) => c switch
    {
        '<' => "\\<",
        '\\' => "\\\\",
        _ => null,
    };
}
