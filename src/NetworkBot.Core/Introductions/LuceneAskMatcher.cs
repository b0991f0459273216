using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// Ranks with Lucene: per call, an index in memory of the members passed in (one document each: offers, role, industry,
/// interests, pitch, each read as Japanese bigrams, as stemmed English and as English word beginnings) searched with the
/// request read the same ways. A member's offers weigh most, since they are what the member said they would give; industry and pitch weigh least,
/// since they say much the member does not offer (the weights are the best of those measured on the labelled set,
/// BENCHMARKS.md). Stateless and thread-safe: every call builds and disposes its own index.
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
        using var index = new AskTextIndex();
        for (var at = 0; at < members.Count; at++)
        {
            index.Add(at, Texts(members[at].Profile));
        }

        return [.. index.Search(text, MemberFields, take).Select(hit =>
            new AskMatch(members[hit.Key].Id, hit.Score, BestMatched(index, members[hit.Key].Profile, text)))];
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
