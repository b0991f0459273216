using System.Reflection;
using System.Text.RegularExpressions;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Tests.Commands;

public sealed partial class MessagesTests
{
    public static TheoryData<string> Names() => new(Texts().Select(Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_text_exists_in_both_languages_with_the_same_placeholders(string name)
    {
        var text = (LocalizedText)Texts().Single(f => Name(f) == name).GetValue(null)!;

        Assert.False(string.IsNullOrWhiteSpace(text.En));
        Assert.False(string.IsNullOrWhiteSpace(text.Ja));
        Assert.Equal(Placeholders(text.En), Placeholders(text.Ja));
    }

    [Fact]
    public void Japanese_texts_are_japanese()
    {
        var texts = Texts()
            .Select(f => (LocalizedText)f.GetValue(null)!)
            .Where(t => !Regex.IsMatch(t.En, @"^\{\d\}(: \{\d\})?$"));

        Assert.All(texts, t => Assert.Matches(Japanese(), t.Ja));
    }

    /// <summary>The texts of <see cref="Messages"/> and of every feature's <c>…Texts</c> class.</summary>
    private static IEnumerable<FieldInfo> Texts() =>
        typeof(Messages).Assembly.GetTypes()
            .Where(t => t == typeof(Messages) || t.Name.EndsWith("Texts", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static));

    private static string Name(FieldInfo field) => $"{field.DeclaringType!.Name}.{field.Name}";

    private static string[] Placeholders(string format) =>
        Placeholder().Matches(format).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
