using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// Groups of words a professional community uses for the same thing, in Japanese and English (the host loads
/// <c>config/ask-glossary.json</c>, which managers extend): "シードラウンド", "raise money" and "資金調達" are one need, yet share
/// no letter, so no analyser can bring them together. Applied to the searching text only (a request, or a new offer
/// looking for asks): the members' and asks' texts are indexed as written, which keeps the per-call index as cheap as
/// without a glossary.
/// </summary>
public sealed class AskGlossary
{
    /// <summary>
    /// Words are matched on Lucene's standard tokens, lower-cased and stemmed (Han and hiragana one character each, a
    /// katakana word whole, English words Porter-stemmed): "資金調達について" holds 資 金 調 達, "investors" is "investor".
    /// A glossary word is found only as a whole run of tokens, so "AI" is not found inside "RAID".
    /// </summary>
    private static readonly Analyzer Tokens = Analyzer.NewAnonymous((_, reader) =>
    {
        var (source, stream) = Words(reader);
        return new TokenStreamComponents(source, stream);
    });

    private readonly Analyzer? expansion;

    /// <param name="groups">Each group two or more words or phrases meaning the same; a word in several groups brings all of them.</param>
    public AskGlossary(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var builder = new SynonymMap.Builder(dedup: true);
        var count = 0;
        foreach (var group in groups)
        {
            count++;
            var words = group.Select(word => (Text: word.Trim(), Tokens: AskMatcherAnalysis.Tokens(Tokens, string.Empty, word).ToArray())).Where(word => word.Tokens.Length > 0).ToArray();
            foreach (var word in words)
            {
                foreach (var other in words.Where(other => other.Text != word.Text))
                {
                    // The output is the other word as written, so each reading of the matcher analyses it in its own way.
                    builder.Add(SynonymMap.Builder.Join(word.Tokens, new CharsRef()), new CharsRef(other.Text), includeOrig: true);
                }
            }
        }

        Count = count;
        if (count > 0)
        {
            var map = builder.Build();
            expansion = Analyzer.NewAnonymous((_, reader) =>
            {
                var (source, stream) = Words(reader);
                return new TokenStreamComponents(source, new SynonymFilter(stream, map, ignoreCase: false));
            });
        }
    }

    /// <summary>No groups: texts are searched as written.</summary>
    public static AskGlossary None { get; } = new([]);

    /// <summary>How many groups the glossary holds.</summary>
    public int Count { get; }

    /// <summary>
    /// <paramref name="text"/> followed by every word sharing a group with a glossary word it holds, one a line (a line
    /// break keeps Japanese words from being read as one run); <paramref name="text"/> itself when it holds none.
    /// </summary>
    public string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (expansion is null)
        {
            return text;
        }

        var synonyms = new List<string>();
        using (var stream = expansion.GetTokenStream(string.Empty, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (type.Type == SynonymFilter.TYPE_SYNONYM)
                {
                    synonyms.Add(term.ToString());
                }
            }

            stream.End();
        }

        return synonyms.Count == 0 ? text : string.Join('\n', [text, .. synonyms.Distinct(StringComparer.Ordinal)]);
    }

    private static (Tokenizer Source, TokenStream Words) Words(TextReader reader)
    {
        var source = new StandardTokenizer(AskMatcherAnalysis.Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new EnglishPossessiveFilter(AskMatcherAnalysis.Version, stream);
        stream = new LowerCaseFilter(AskMatcherAnalysis.Version, stream);
        return (source, new PorterStemFilter(stream));
    }
}
