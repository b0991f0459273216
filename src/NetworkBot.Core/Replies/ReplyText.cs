using System.Text;

namespace NetworkBot.Core.Replies;

/// <summary>
/// Turns reply text into a platform's text in one pass, so no limit can be broken by a later step: the bot's
/// <see cref="TimeToken"/>s are expanded, every other character is passed through the platform's escape, and the
/// result is cut to the platform's limit only between whole pieces — never inside an expanded token, an escape such
/// as <c>&amp;amp;</c>, or a surrogate pair — ending in "…" when something was cut.
/// </summary>
public static class ReplyText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// <paramref name="text"/> with tokens as <paramref name="time"/>(instant, style) and other characters as
    /// <paramref name="escape"/>(character) (null: unchanged), at most <paramref name="max"/> characters long.
    /// Characters reserved by <see cref="UserText"/> that are no token, and halves of a surrogate pair, are dropped or
    /// replaced: no platform shows them.
    /// </summary>
    public static string Render(string? text, int max, Func<DateTimeOffset, char, string> time, Func<char, string?>? escape = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (string.IsNullOrEmpty(text) || max == 0)
        {
            return string.Empty;
        }

        var room = max - Ellipsis.Length;
        var output = new StringBuilder(Math.Min(text.Length, max) + 16);
        var fits = 0;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (TimeToken.TryRead(text.AsSpan(i), out var at, out var style, out var length))
            {
                output.Append(time(at, style));
                i += length;
            }
            else if (char.IsSurrogate(c))
            {
                var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                output.Append(paired ? text.AsSpan(i, 2) : "\uFFFD");
                i += paired ? 2 : 1;
            }
            else
            {
                if (escape?.Invoke(c) is { } escaped)
                {
                    output.Append(escaped);
                }
                else if (!UserText.IsReserved(c))
                {
                    output.Append(c);
                }

                i++;
            }

            if (output.Length <= room)
            {
                fits = output.Length;
            }
            else if (output.Length > max)
            {
                return room <= 0 ? Ellipsis[..max] : string.Concat(output.ToString(0, fits), Ellipsis);
            }
        }

        return output.ToString();
    }
}
