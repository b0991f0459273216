using System.Globalization;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Texts;

/// <summary>One text in both languages; a format string when it takes arguments (<c>{0}</c>, …).</summary>
public sealed record LocalizedText(string En, string Ja)
{
    public string Get(Language language) => language == Language.Ja ? Ja : En;

    public string Format(Language language, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(language), args);
}
