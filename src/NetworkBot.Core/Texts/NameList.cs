using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Texts;

/// <summary>
/// People's names as a sentence names them: "Aiko", "Aiko and Ben", "Aiko, Ben and Chen";
/// 「Aiko さん、Ben さん、Chen さん」. Texts that take such a list put no さん after it: the list carries it, name by name.
/// </summary>
public static class NameList
{
    public static string Join(IEnumerable<string> names, Language language)
    {
        ArgumentNullException.ThrowIfNull(names);
        var all = names.ToList();
        if (language == Language.Ja)
        {
            return string.Join("、", all.Select(n => n + " さん"));
        }

        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1];
    }
}
