using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;

namespace NetworkBot.Core.Tests.Introductions;

public sealed class LuceneAskMatcherTests
{
    private static readonly CommunityId Community = new("c");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly LuceneAskMatcher matcher = new();

    private static readonly Member Funder = Person("funder", Profile.Empty with { Role = "ベンチャーキャピタリスト", Industry = "finance", Offers = ["資金調達の相談", "VC投資家の紹介"] });
    private static readonly Member Speaker = Person("speaker", Profile.Empty with { Role = "映像ディレクター", Industry = "media", Offers = ["登壇の機会", "人前で話すコツ"] });
    private static readonly Member Reviewer = Person("reviewer", Profile.Empty with { Role = "Security Engineer", Industry = "software", Offers = ["security review", "Rust code reviews"] });
    private static readonly Member Cook = Person("cook", Profile.Empty with { Role = "Chef", Industry = "food", Offers = ["restaurant business advice"], Interests = ["cooking"] });

    private static readonly Member[] Everyone = [Funder, Speaker, Reviewer, Cook];

    /// <summary>
    /// Japanese without spaces (資金調達の相談 ← 資金調達について相談したい), English whatever the case and form of the word,
    /// the matching offer rather than the member's first, and a role when no offer answers.
    /// </summary>
    [Theory]
    [InlineData("資金調達について相談したい", "funder", "資金調達の相談")]
    [InlineData("Who could REVIEW my Rust code?", "reviewer", "Rust code reviews")]
    [InlineData("投資家を紹介してほしい", "funder", "VC投資家の紹介")]
    [InlineData("映像ディレクターと話したい", "speaker", "映像ディレクター")]
    public void The_one_member_who_answers_is_found_and_hears_what_of_theirs_matched(string request, string member, string offer)
    {
        var match = Assert.Single(matcher.Rank(request, Everyone, take: 3));

        Assert.Equal(member, match.Member.Value);
        Assert.Equal(offer, match.Offer);
    }

    [Fact]
    public void A_member_who_offers_nothing_relevant_is_not_returned() =>
        Assert.Empty(matcher.Rank("I need advice on opening a restaurant", [Funder, Speaker, Reviewer], take: 3));

    [Fact]
    public void English_words_that_stem_apart_still_meet_on_their_beginning()
    {
        var regulatory = Person("regulatory", Profile.Empty with { Offers = ["pharma regulatory advice"] });

        var matches = matcher.Rank("how do pharmaceutical companies get drug approval?", [.. Everyone, regulatory], take: 3);

        Assert.Equal(regulatory.Id, Assert.Single(matches).Member);
        Assert.Equal("pharma regulatory advice", matches[0].Offer);
    }

    [Fact]
    public void Mixed_japanese_and_english_matches_both_readings()
    {
        var matches = matcher.Rank("Rustのsecurity reviewをお願いしたい、あと登壇の機会も", Everyone, take: 3);

        Assert.Equal(["reviewer", "speaker"], matches.Select(match => match.Member.Value).Order());
    }

    [Fact]
    public void The_member_whose_offer_matches_ranks_above_one_whose_pitch_only_mentions_it()
    {
        var talker = Person("talker", Profile.Empty with { Pitch = "I once went to a security review conference.", Offers = ["marketing tips"] });

        var matches = matcher.Rank("security review for our app", [talker, Reviewer], take: 3);

        Assert.Equal([Reviewer.Id, talker.Id], matches.Select(match => match.Member));
        Assert.Null(matches[1].Offer);
    }

    /// <summary>
    /// 売り出し方 leaves 売 and 出 apart (り between them), so it shares no bigram with 売出し: both members share only 相談 and
    /// half of their offer with the request, and the seller's characters 売 and 出 rank the seller first.
    /// </summary>
    [Fact]
    public void A_request_whose_okurigana_parts_a_word_still_meets_the_offer_written_without_it()
    {
        var planner = Person("planner", Profile.Empty with { Offers = ["事業の相談"] });
        var seller = Person("seller", Profile.Empty with { Offers = ["売出しの相談"] });

        var matches = matcher.Rank("新商品の売り出し方を相談したい", [planner, seller], take: 3);

        Assert.Equal([seller.Id, planner.Id], matches.Select(match => match.Member));
        Assert.Equal("売出しの相談", matches[0].Offer);
    }

    [Fact]
    public void Han_characters_are_read_one_by_one_without_hiragana_or_katakana()
    {
        Assert.Equal(["売", "出", "方"], Characters("売り出し方のルール"));
        Assert.Empty(Characters("キャリアチェンジ").Intersect(Characters("デューデリジェンス")));
    }

    /// <summary>
    /// The enthusiast shares クラウド and AWS in three texts, which the search sums above the reviewer's one offer; the reviewer's
    /// offer is all in the request, so the reviewer is ranked first.
    /// </summary>
    [Fact]
    public void A_member_whose_one_offer_the_request_holds_whole_ranks_above_one_sharing_a_word_in_several_texts()
    {
        var architect = Person("architect", Profile.Empty with { Offers = ["クラウド設計のレビュー"] });
        var enthusiast = Person("enthusiast", Profile.Empty with
        {
            Role = "クラウドエンジニア", Interests = ["クラウド", "AWS"], Offers = ["AWS勉強会の紹介"],
        });

        var matches = matcher.Rank("AWSのクラウド設計をレビューしてほしい", [enthusiast, architect], take: 3);

        Assert.Equal([architect.Id, enthusiast.Id], matches.Select(match => match.Member));
    }

    private static IEnumerable<string> Characters(string text) =>
        AskMatcherAnalysis.Tokens(AskMatcherAnalysis.Analyzer, "request" + AskMatcherAnalysis.JapaneseCharacters, text);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the of and")]
    public void A_request_without_words_matches_nobody(string request) =>
        Assert.Empty(matcher.Rank(request, Everyone, take: 3));

    [Fact]
    public void A_very_long_request_is_read_up_to_its_cap_without_failing()
    {
        var request = "資金調達について相談したい。" + string.Concat(Enumerable.Range(0, 400).Select(at => $"word{at} 漢字{(char)('一' + at)}"));

        var matches = matcher.Rank(request, Everyone, take: 3);

        Assert.True(request.Length > LuceneAskMatcher.MaxRequestLength);
        Assert.Equal(Funder.Id, matches[0].Member);
    }

    [Fact]
    public void A_new_offer_proposes_the_open_ask_it_answers_and_not_an_unrelated_one()
    {
        var funding = OpenAsk("a", "資金調達について誰かに相談したい");
        var hiring = OpenAsk("b", "エンジニア採用で困っていて相談したい");
        var pitch = OpenAsk("c", "Looking for someone to review my pitch deck before the seed round");

        Assert.Equal([funding], matcher.AnsweredBy("資金調達の相談", [hiring, funding, pitch]));
        Assert.Equal([pitch], matcher.AnsweredBy("pitch deck reviews", [hiring, funding, pitch]));
    }

    [Fact]
    public void A_new_offer_never_proposes_an_ask_that_is_no_longer_open()
    {
        var introduced = OpenAsk("a", "資金調達について誰かに相談したい") with { Status = AskStatus.Introduced };

        Assert.Empty(matcher.AnsweredBy("資金調達の相談", [introduced]));
    }

    [Property(MaxTest = 50)]
    public Property Ranking_returns_only_members_passed_in_at_most_take_best_first()
    {
        var words = new[] { "資金調達", "相談", "review", "security", "登壇", "restaurant", "advice", "Rust", "の", "機会" };
        var text = Gen.Elements(words).ArrayOf().Select(chosen => string.Join(" ", chosen));
        var profile = from role in text from offer in text from pitch in text select Profile.Empty with { Role = role, Offers = [offer], Pitch = pitch };
        var cases = from request in text from chosen in profile.ArrayOf() from take in Gen.Choose(0, 5) select (request, chosen, take);
        return Prop.ForAll(cases.ToArbitrary(), one =>
        {
            var (request, chosen, take) = one;
            var members = chosen.Select((profile, at) => Person($"m{at}", profile)).ToArray();

            var matches = matcher.Rank(request, members, take);

            return matches.Count <= take
                && matches.All(match => members.Any(member => member.Id == match.Member))
                && matches.Select(match => match.Member).Distinct().Count() == matches.Count
                && matches.Zip(matches.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score);
        });
    }

    private static Member Person(string id, Profile profile) =>
        new(Community, new MemberId(id), id, profile, CoffeeEnrollment.NotJoined, At);

    private static Ask OpenAsk(string id, string request) =>
        new(Community, new AskId(id), new MemberId("asker"), request, At, At.AddDays(14), AskStatus.Open, []);
}
