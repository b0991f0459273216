using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetworkBot.Slack.Spaces;

/// <summary>
/// Slack channel names: lower case, at most 80 characters, letters, digits, '-' and '_' only. Names in other
/// scripts ("AI 勉強会") keep their ASCII part and gain a short hash of the whole name, so two groups that differ
/// only outside ASCII still get different channels; a name with no ASCII at all becomes <c>interest-&lt;hash&gt;</c>.
/// </summary>
public static class SlackChannelNames
{
    public const int MaxLength = 80;

    private const string Fallback = "interest";
    private const int HashLength = 6;

    public static string From(string interestName)
    {
        ArgumentNullException.ThrowIfNull(interestName);
        var text = interestName.Trim().Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var name = new StringBuilder(text.Length);
        var lostCharacters = false;
        foreach (var c in text)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-')
            {
                name.Append(c);
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                name.Append('-');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // Accents fall away after FormKD ("café" keeps its meaning as "cafe"); other scripts do not.
                lostCharacters = true;
            }
        }

        var ascii = Collapse(name.ToString());
        if (ascii.Length == 0)
        {
            return $"{Fallback}-{Hash(interestName)}";
        }

        return lostCharacters
            ? $"{Shorten(ascii, MaxLength - HashLength - 1)}-{Hash(interestName)}"
            : Shorten(ascii, MaxLength);
    }

    /// <summary>The <paramref name="attempt"/>th alternative when <paramref name="name"/> is taken: <c>name-2</c>, <c>name-3</c>, … within 80 characters.</summary>
    public static string WithSuffix(string name, int attempt)
    {
        ArgumentNullException.ThrowIfNull(name);
        var suffix = $"-{attempt.ToString(CultureInfo.InvariantCulture)}";
        return Shorten(name, MaxLength - suffix.Length) + suffix;
    }

    private static string Collapse(string name)
    {
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return name.Trim('-', '_');
    }

    private static string Shorten(string name, int max) => name.Length <= max ? name : name[..max].TrimEnd('-', '_');

    private static string Hash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..HashLength];
}
