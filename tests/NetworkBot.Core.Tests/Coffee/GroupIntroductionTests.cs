using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Tests.Coffee;

public sealed class GroupIntroductionTests
{
    private static readonly CommunityId Community = new("shell:t");
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static readonly ConversationStarters Starters = new(
        [new("General one?", "一般その1？"), new("General two?", "一般その2？"), new("General three?", "一般その3？")],
        [new("Cross industry?", "異業種？")],
        new Dictionary<string, IReadOnlyList<LocalizedText>> { ["ramen"] = [new("Favourite ramen shop?", "好きなラーメン店は？")] });

    private static Member Person(string id, string industry, string[] interests, string[] offers, string[] seeks, string zone = "Asia/Tokyo") =>
        new(Community, new MemberId(id), id.ToUpperInvariant(), new Profile($"I am {id}", null, industry, offers, seeks, interests, zone, null),
            CoffeeEnrollment.NotJoined, Monday);

    private static Community Japanese => new(Community, "t", CommunitySettings.Default with { Language = Language.Ja, TimeZone = "Asia/Tokyo" }, Monday);

    [Fact]
    public void The_message_says_who_everyone_is_why_they_were_matched_what_to_talk_about_and_when()
    {
        Member[] group = [Person("aiko", "finance", ["ramen", "ai"], ["code review"], []), Person("ben", "design", ["ramen"], [], ["Code Review"], "Asia/Seoul")];
        var community = Japanese with { Settings = Japanese.Settings with { Language = Language.En } };

        var reply = new GroupIntroduction(Starters).Compose(group, community, new GroupId("g1"), Monday, Monday.AddDays(7));

        Assert.StartsWith("Hi AIKO and BEN — you're this round's coffee group!", reply.Text);
        Assert.Contains(reply.Fields, f => f.Name == "AIKO" && f.Value.Contains("I am aiko", StringComparison.Ordinal) && f.Value.Contains("code review", StringComparison.Ordinal));
        var why = reply.Fields.Single(f => f.Name == "Why you were matched").Value;
        Assert.Contains("You share: ramen", why);
        Assert.Contains("Different industries: finance, design", why);
        Assert.Contains("AIKO can offer “code review”, which BEN is looking for", why);
        var starters = reply.Fields.Single(f => f.Name == "Conversation starters").Value;
        Assert.Contains("Favourite ramen shop?", starters);
        Assert.Contains("Cross industry?", starters);
        Assert.Equal(3, starters.Split('\n').Length);
        Assert.Contains("Asia/Tokyo", reply.Fields.Single(f => f.Name == "Times in everyone's working hours").Value);
    }

    [Fact]
    public void The_community_language_is_used_and_the_choice_is_stable()
    {
        Member[] group = [Person("aiko", "finance", [], [], []), Person("chen", "finance", [], [], [])];
        var introduction = new GroupIntroduction(Starters);

        var first = introduction.Compose(group, Japanese, new GroupId("g2"), Monday, Monday.AddDays(7));
        var again = introduction.Compose(group, Japanese, new GroupId("g2"), Monday, Monday.AddDays(7));

        Assert.Contains("まだ会ったことのない", first.Fields.Single(f => f.Name == "この組み合わせの理由").Value);
        Assert.Equal(first.Fields.Select(f => f.Value), again.Fields.Select(f => f.Value));
    }

    [Theory]
    [InlineData(Language.En, "Hi AIKO, BEN and CHEN — you're this round's coffee group! Find a time")]
    [InlineData(Language.Ja, "AIKO さん、BEN さん、CHEN さん、今回のコーヒーチャットのメンバーです！")]
    public void A_trio_is_greeted_together_by_name_because_all_three_read_the_same_message(Language language, string greeting)
    {
        Member[] trio = [Person("aiko", "finance", [], [], []), Person("ben", "design", [], [], []), Person("chen", "law", [], [], [])];
        var community = Japanese with { Settings = Japanese.Settings with { Language = language } };

        var reply = new GroupIntroduction(Starters).Compose(trio, community, new GroupId("g3"), Monday, Monday.AddDays(7));

        Assert.StartsWith(greeting, reply.Text);
    }

    [Theory]
    [InlineData(new string[0], "", "")]
    [InlineData(new[] { "Aiko" }, "Aiko", "Aiko さん")]
    [InlineData(new[] { "Aiko", "Ben" }, "Aiko and Ben", "Aiko さん、Ben さん")]
    [InlineData(new[] { "Aiko", "Ben", "Chen", "Dai" }, "Aiko, Ben, Chen and Dai", "Aiko さん、Ben さん、Chen さん、Dai さん")]
    public void Names_are_listed_as_a_sentence_lists_them(string[] names, string en, string ja)
    {
        Assert.Equal(en, NameList.Join(names, Language.En));
        Assert.Equal(ja, NameList.Join(names, Language.Ja));
    }

    [Fact]
    public void Stable_hash_does_not_depend_on_the_process() =>
        Assert.Equal(0xaf63dc4c8601ec8cUL, GroupIntroduction.StableHash("a")); // the published FNV-1a 64 test vector
}
