using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Texts;

/// <summary>A text with its arguments, rendered once the reader's language is known.</summary>
public sealed record LocalizedMessage(LocalizedText Text, params object?[] Args)
{
    public string Render(Language language) => Text.Format(language, Args);
}
