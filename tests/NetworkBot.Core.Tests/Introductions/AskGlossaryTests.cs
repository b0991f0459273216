using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;

namespace NetworkBot.Core.Tests.Introductions;

public sealed class AskGlossaryTests
{
    private static readonly CommunityId Community = new("c");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly AskGlossary Glossary = new(
    [
        ["資金調達", "シードラウンド", "fundraising", "raise money"],
        ["クラウド", "cloud", "AWS"],
        ["SNS", "social media", "Instagram", "フォロワー"],
        ["生成AI", "AI", "ChatGPT"],
    ]);

    private static readonly Member Cook = Person("cook", ["restaurant business advice", "飲食店経営の相談"]);

    /// <summary>
    /// A request sharing no term with the only offer that answers it: the glossary carries it there, within a language
    /// and across, and quotes the member's own offer; without the glossary nobody is found.
    /// </summary>
    [Theory]
    [InlineData("シードラウンドの準備を始めたい", "資金調達の相談")]
    [InlineData("Could someone check our AWS setup?", "cloud architecture review")]
    [InlineData("シードラウンドの準備を始めたい", "fundraising advice")]
    [InlineData("how do I get more Instagram followers?", "SNS運用のノウハウ")]
    [InlineData("we want to raise money next year", "資金調達の相談")]
    public void A_synonym_carries_the_request_to_the_member_who_offers_only_the_other_word(string request, string offer)
    {
        var helper = Person("helper", [offer]);

        var match = Assert.Single(new LuceneAskMatcher(Glossary).Rank(request, [Cook, helper], take: 3));

        Assert.Equal(helper.Id, match.Member);
        Assert.Equal(offer, match.Offer);
        Assert.Empty(new LuceneAskMatcher().Rank(request, [Cook, helper], take: 3));
    }

    [Fact]
    public void The_glossary_does_not_make_an_unrelated_member_match() =>
        Assert.Empty(new LuceneAskMatcher(Glossary).Rank("シードラウンドの準備を始めたい", [Cook, Person("designer", ["UX feedback"])], take: 3));

    [Fact]
    public void A_glossary_word_is_found_only_whole_not_inside_another_word()
    {
        Assert.Equal("RAID storage tips", Glossary.Expand("RAID storage tips"));
        Assert.Contains("ChatGPT", Glossary.Expand("AIの使い方を知りたい"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_glossary_leaves_the_text_as_written() =>
        Assert.Equal("シードラウンドの準備", AskGlossary.None.Expand("シードラウンドの準備"));

    [Fact]
    public void A_new_offer_answers_an_open_ask_that_says_it_in_other_words()
    {
        var ask = new Ask(Community, new AskId("a"), new MemberId("asker"), "シードラウンドで資金を集めたい", At, At.AddDays(14), AskStatus.Open, []);

        Assert.Equal([ask], new LuceneAskMatcher(Glossary).AnsweredBy("fundraising advice", [ask]));
        Assert.Empty(new LuceneAskMatcher().AnsweredBy("fundraising advice", [ask]));
    }

    private static Member Person(string id, string[] offers) =>
        new(Community, new MemberId(id), id, Profile.Empty with { Offers = offers }, CoffeeEnrollment.NotJoined, At);
}
