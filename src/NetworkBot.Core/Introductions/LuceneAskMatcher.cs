using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// Ranks with Lucene: per call, an index in memory of the members passed in (one document each: offers, role, industry,
/// interests, pitch, each read as Japanese bigrams, as stemmed English and as English word beginnings, the offers also as
/// single Japanese characters) searched with the request read the same ways. A member's offers weigh most, since they are what the member said they would give; industry and pitch weigh least,
/// since they say much the member does not offer (the weights are the best of those measured on the labelled set,
/// BENCHMARKS.md). The best found are then ranked again by how much of one offer the request holds
/// (<see cref="OfferCoverageWeight"/>). Stateless and thread-safe: every call builds and disposes its own index.
/// </summary>
public sealed class LuceneAskMatcher : IAskMatcher
{
    /// <summary>
    /// Only the request's first characters are read: a request is a sentence or two, and the cap keeps every field's query
    /// under Lucene's 1,024 clauses whatever a caller passes.
    /// </summary>
    public const int MaxRequestLength = 1000;

    /// <summary>
    /// The share of an offer's terms an open ask must hold for the offer's member to be proposed. On the labelled set
    /// (BENCHMARKS.md, "Introductions: ranking asks") wrong proposals fall from 111 to 17 of 9,852 pairs between a third and
    /// a half (a shared "advice" or "相談" is a third of many offers) while right ones fall from 96 to 65; above a half right
    /// ones fall faster than wrong ones.
    /// </summary>
    public const double AnswerThreshold = 0.5;

    /// <summary>
    /// How much a member's score grows with the share of their best-fitting offer found in the request: score × (1 + 2 ×
    /// share), so a member whose one offer the request holds whole (資金調達の相談 in 資金調達について相談したい) rises above one
    /// who shares a common word in several texts. The search sums matches over a member's texts and cannot tell the two
    /// apart. Top-3 on both labelled sets together (BENCHMARKS.md): 208, 209, 211 and 210 of 222 requests at 0, 1, 2 and 4.
    /// </summary>
    public const double OfferCoverageWeight = 2;

    /// <summary>
    /// How many of the search's best are ranked again by <see cref="OfferCoverageWeight"/>: enough that a right member the
    /// search put a little low still comes up (20, 50 and 100 measured alike), few enough that a ranking of all 10,000
    /// members reads only these members' offers again. Those after them keep the search's order and score, which is no
    /// higher than any reranked one's (the factor is at least 1), so the ranking stays best first.
    /// </summary>
    public const int Reranked = 50;

    private const string Offers = "offers";
    private const string Request = "request";

    /// <summary>The weight of a match in each of a member's texts.</summary>
    private static readonly Dictionary<string, float> MemberFields = new(StringComparer.Ordinal)
    {
        [Offers] = 4f,
        ["role"] = 2f,
        ["interests"] = 1.5f,
        ["industry"] = 1f,
        ["pitch"] = 1f,
    };

    private static readonly Dictionary<string, float> AskFields = new(StringComparer.Ordinal) { [Request] = 1f };

    private readonly AskGlossary glossary;

    /// <summary>Without a glossary: texts are searched as written.</summary>
    public LuceneAskMatcher()
        : this(AskGlossary.None)
    {
    }

    /// <param name="glossary">Words meaning the same to the community, added to the searching text (a request, a new offer).</param>
    public LuceneAskMatcher(AskGlossary glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        this.glossary = glossary;
    }

    public IReadOnlyList<AskMatch> Rank(string request, IReadOnlyList<Member> members, int take)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (string.IsNullOrWhiteSpace(request) || members.Count == 0 || take <= 0)
        {
            return [];
        }

        var text = Expanded(request);
        using var index = new AskTextIndex(characterField: Offers);
        for (var at = 0; at < members.Count; at++)
        {
            index.Add(at, Texts(members[at].Profile));
        }

        var requestTerms = AskMatcherAnalysis.CoverageTerms(Offers, text);
        var found = index.Search(text, MemberFields, Math.Max(take, Reranked));
        var reranked = found.Take(Reranked)
            .Select(hit => (hit.Key, Score: hit.Score * (float)(1 + (OfferCoverageWeight * BestOfferCoverage(members[hit.Key].Profile, requestTerms)))))
            .OrderByDescending(hit => hit.Score);
        return [.. reranked.Concat(found.Skip(Reranked))
            .Take(take)
            .Select(hit => new AskMatch(members[hit.Key].Id, hit.Score, BestMatched(index, members[hit.Key].Profile, text)))];
    }

    public IReadOnlyList<Ask> AnsweredBy(string offer, IReadOnlyList<Ask> asks)
    {
        ArgumentNullException.ThrowIfNull(asks);
        if (string.IsNullOrWhiteSpace(offer) || asks.Count == 0)
        {
            return [];
        }

        using var index = new AskTextIndex();
        for (var at = 0; at < asks.Count; at++)
        {
            index.Add(at, [(Request, asks[at].Request)]);
        }

        return [.. index.Search(Expanded(offer), AskFields, asks.Count)
            .Select(hit => (Ask: asks[hit.Key], hit.Score, Coverage: Coverage(offer, asks[hit.Key].Request)))
            .Where(hit => hit.Ask.Status == AskStatus.Open && hit.Coverage >= AnswerThreshold)
            .OrderByDescending(hit => hit.Coverage)
            .ThenByDescending(hit => hit.Score)
            .Select(hit => hit.Ask)];
    }

    /// <summary>
    /// The share of <paramref name="offer"/>'s terms that <paramref name="request"/> holds, the request widened by the
    /// glossary and not the offer, so the share stays a share of what the member offered.
    /// </summary>
    internal double Coverage(string offer, string request) => AskMatcherAnalysis.Coverage(Request, Capped(offer), Expanded(request));

    /// <summary>The largest share of one of the member's offers that the request holds (<see cref="AskMatcherAnalysis.Coverage(string, string, IReadOnlyDictionary{string, HashSet{string}})"/>); 0 without offers.</summary>
    private static double BestOfferCoverage(Intro.Profile profile, IReadOnlyDictionary<string, HashSet<string>> requestTerms) =>
        profile.Offers.Select(offer => AskMatcherAnalysis.Coverage(Offers, offer, requestTerms)).DefaultIfEmpty(0).Max();

    private static string Capped(string text) => text.Length > MaxRequestLength ? text[..MaxRequestLength] : text;

    /// <summary>
    /// The text with the glossary's words for what it says, capped again: a long request keeps its own words first and
    /// the clause limit holds.
    /// </summary>
    private string Expanded(string text) => Capped(glossary.Expand(Capped(text)));

    private static IEnumerable<(string Field, string Text)> Texts(Intro.Profile profile)
    {
        foreach (var offer in profile.Offers)
        {
            yield return (Offers, offer);
        }

        foreach (var interest in profile.Interests)
        {
            yield return ("interests", interest);
        }

        foreach (var (field, text) in new[] { ("role", profile.Role), ("industry", profile.Industry), ("pitch", profile.Pitch) })
        {
            if (text is not null)
            {
                yield return (field, text);
            }
        }
    }

    /// <summary>
    /// What to quote to the member ("you offered 'X'"): the offer, role, industry or interest that holds the most of the
    /// request, weighed like the search; null when only the pitch matched, which is not something they offered.
    /// </summary>
    private static string? BestMatched(AskTextIndex index, Intro.Profile profile, string request) =>
        Texts(profile)
            .Where(text => text.Field != "pitch")
            .Select(text => (text.Text, Weight: MemberFields[text.Field] * index.Shared(text.Field, text.Text, request)))
            .Where(text => text.Weight > 0)
            .OrderByDescending(text => text.Weight)
            .Select(text => text.Text)
            .FirstOrDefault();
}
