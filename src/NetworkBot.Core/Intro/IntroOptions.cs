using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Intro;

/// <summary>The options of <c>/intro</c>, as <see cref="CommandTable"/> lists them and <see cref="IntroCommands"/> reads them.</summary>
public static class IntroOptions
{
    public static readonly Option<string?> Pitch = new("pitch", OptionKind.Text, new("Your 15-second introduction", "15秒の自己紹介")) { MaxLength = 280 };
    public static readonly Option<string?> Role = new("role", OptionKind.Text, new("What you do (job title)", "職種・肩書き")) { MaxLength = 100 };
    public static readonly Option<string?> Industry = new("industry", OptionKind.Text, new("Your industry", "業界")) { MaxLength = 60 };
    public static readonly Option<IReadOnlyList<string>?> Offers = new("offers", OptionKind.List, new("What you can offer others, comma-separated", "提供できること（カンマ区切り）")) { MaxLength = 500 };
    public static readonly Option<IReadOnlyList<string>?> Seeks = new("seeks", OptionKind.List, new("What you are looking for, comma-separated", "求めていること（カンマ区切り）")) { MaxLength = 500 };
    public static readonly Option<IReadOnlyList<string>?> Interests = new("interests", OptionKind.List, new("Your interests, comma-separated", "興味・関心（カンマ区切り）")) { MaxLength = 500 };
    public static readonly Option<string?> TimeZone = new("timezone", OptionKind.TimeZone, new("Your time zone, e.g. Asia/Tokyo", "タイムゾーン（例: Asia/Tokyo）")) { MaxLength = 64, Suggest = Suggestions.TimeZones };
    public static readonly Option<Language?> Language = new("language", OptionKind.Language, new("The language NetworkBot uses with you", "NetworkBot があなたに使う言語")) { Choices = ["en", "ja"] };

    /// <summary>Whether others' asks (<c>/ask</c>) may propose the member for an introduction; they still say yes or no each time.</summary>
    public static readonly Option<string?> OpenToIntros = new("open-to-intros", OptionKind.Choice, new("May members who ask for help be introduced to you? (yes/no)", "紹介の依頼を受け付けるか（yes/no）")) { Choices = ["yes", "no"] };

    /// <summary>Whose introduction <c>/intro show</c> shows.</summary>
    public static readonly Option<Member?> Member = new("member", OptionKind.Member, new("The member (you when empty)", "メンバー（省略時は自分）")) { Suggest = Suggestions.Members };
}
