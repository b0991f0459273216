namespace NetworkBot.Core.Domain;

/// <summary>Maps language codes (<c>en</c>, <c>ja</c>, Discord's <c>en-US</c>, <c>ja-JP</c>) to <see cref="Language"/>.</summary>
public static class LanguageCodes
{
    public static bool TryParse(string? code, out Language language)
    {
        var primary = code?.Split('-', '_')[0].Trim().ToLowerInvariant();
        (var ok, language) = primary switch
        {
            "en" or "english" => (true, Language.En),
            "ja" or "jp" or "japanese" or "日本語" => (true, Language.Ja),
            _ => (false, Language.En),
        };
        return ok;
    }

    public static string ToCode(this Language language) => language == Language.Ja ? "ja" : "en";
}
