namespace NetworkBot.Discord.Rendering;

/// <summary>Fits user-visible text into Discord's limits instead of letting a 400 lose the whole message.</summary>
internal static class Truncation
{
    public const string Ellipsis = "…";

    /// <summary>Zero-width space: Discord rejects empty field names and values, this shows nothing.</summary>
    public const string Blank = "\u200b";

    /// <summary><paramref name="text"/> when it fits, else its start and "…", never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, Math.Max(cut, 0)), Ellipsis);
    }

    /// <summary>Like <see cref="Truncate"/>, with <see cref="Blank"/> for null or empty text.</summary>
    public static string NonEmpty(string? text, int max) => string.IsNullOrEmpty(text) ? Blank : Truncate(text, max);
}
