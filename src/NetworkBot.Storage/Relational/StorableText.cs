using System.Text;

namespace NetworkBot.Storage.Relational;

/// <summary>
/// Text as every provider can store it and reads back alike: each lone surrogate (half an emoji, as a platform cutting
/// text short leaves it) and each NUL (U+0000, which PostgreSQL's <c>text</c> and <c>jsonb</c> refuse) becomes U+FFFD.
/// SQLite's driver already stores U+FFFD for a lone surrogate; doing all of it in one place keeps a member's odd name
/// from failing their write on one provider, and an export of one provider importable into another.
/// </summary>
internal static class StorableText
{
    private const string NulEscape = "\\u0000";
    private const string ReplacementEscape = "\\uFFFD";

    public static string Plain(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !text.Contains('\0', StringComparison.Ordinal))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] == '\0')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// As <see cref="Plain"/> for JSON text, where a NUL is written as the escape <c>\u0000</c>: escapes are read in
    /// pairs from the start, so an escaped backslash followed by <c>u0000</c> is text and stays.
    /// </summary>
    public static string Json(string json)
    {
        var text = Plain(json);
        if (!text.Contains(NulEscape, StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                builder.Append(text[i]);
            }
            else if (string.CompareOrdinal(text, i, NulEscape, 0, NulEscape.Length) == 0)
            {
                builder.Append(ReplacementEscape);
                i += NulEscape.Length - 1;
            }
            else
            {
                builder.Append(text, i, 2);
                i++;
            }
        }

        return builder.ToString();
    }
}
