using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// How the ask matcher reads text: every field as Japanese (CJK bigrams: Japanese has no spaces, so "資金調達の相談" and
/// "資金調達について相談したい" meet on 資金・金調・調達・相談), as single Japanese characters (offers, where bigrams part), as English
/// (stemmed, so "reviews" meets "review") and as the beginnings of English words. Each reading keeps only its own script,
/// so Japanese characters never become one-letter English terms.
/// </summary>
internal static class AskMatcherAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The suffix of the field that holds a text's Japanese reading.</summary>
    public const string Japanese = ".ja";

    /// <summary>The suffix of the field that holds a text's Han characters one by one (<see cref="JapaneseCharacterReading"/>).</summary>
    public const string JapaneseCharacters = ".char";

    /// <summary>The suffix of the field that holds a text's English reading.</summary>
    public const string English = ".en";

    /// <summary>The suffix of the field that holds the beginnings of a text's English words (<see cref="EnglishPrefixReading"/>).</summary>
    public const string EnglishPrefixes = ".pre";

    /// <summary>
    /// Words that say how a member asks rather than what they need ("I'm looking for someone who could help me with…");
    /// left in, they would match every pitch that says "looking to" or "happy to help".
    /// </summary>
    private static readonly CharArraySet EnglishStopWords = StopFilter.MakeStopSet(
        Version,
        [.. EnglishAnalyzer.DefaultStopSet.Select(word => word.ToString()!),
         "i", "i'm", "im", "me", "my", "we", "our", "us", "you", "your", "who", "what", "how", "someone", "somebody", "anyone",
         "anybody", "looking", "look", "seeking", "seek", "find", "need", "needs", "want", "wanted", "would", "could", "can",
         "help", "helps", "like", "love", "get", "about", "some", "please", "thanks", "from", "do", "does", "has", "have", "just"],
        ignoreCase: true);

    /// <summary>The texts the matcher indexes: what members offer, do and like, and what asks request.</summary>
    public static readonly IReadOnlyList<string> Fields = ["offers", "role", "industry", "interests", "pitch", "request"];

    /// <summary>
    /// Each field's Japanese reading is stored under its name with <see cref="Japanese"/>, its English one with
    /// <see cref="English"/>. One instance for the process: Lucene analysers keep their token streams per thread, so
    /// concurrent calls share it safely, and it holds nothing that needs disposing before the process ends.
    /// </summary>
    public static Analyzer Analyzer { get; } = Create();

    /// <summary>The distinct terms the <paramref name="field"/> reading makes of <paramref name="text"/>.</summary>
    public static HashSet<string> Terms(string field, string text) => new(Tokens(Analyzer, field, text), StringComparer.Ordinal);

    /// <summary>The tokens <paramref name="analyzer"/> makes of <paramref name="text"/> read as <paramref name="field"/>, in order.</summary>
    public static List<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// The share of <paramref name="part"/>'s terms (both readings of <paramref name="field"/>) that <paramref name="whole"/>
    /// also holds: 1 when every word of an offer appears in a request, whatever else the request says; 0 when
    /// <paramref name="part"/> has no terms.
    /// </summary>
    public static double Coverage(string field, string part, string whole) => Coverage(field, part, CoverageTerms(field, whole));

    /// <summary>
    /// What <see cref="Coverage(string, string, IReadOnlyDictionary{string, HashSet{string}})"/> looks for in a text: the
    /// terms of each reading it counts, by reading field, worked out once when many parts are checked against one whole.
    /// </summary>
    public static Dictionary<string, HashSet<string>> CoverageTerms(string field, string whole) =>
        CoverageReadings(field).ToDictionary(name => name, name => Terms(name, whole), StringComparer.Ordinal);

    /// <summary>The share of <paramref name="part"/>'s terms found in <paramref name="whole"/> (<see cref="CoverageTerms"/>).</summary>
    public static double Coverage(string field, string part, IReadOnlyDictionary<string, HashSet<string>> whole)
    {
        var total = 0;
        var found = 0;
        foreach (var name in CoverageReadings(field))
        {
            var terms = Terms(name, part);
            total += terms.Count;
            terms.IntersectWith(whole[name]);
            found += terms.Count;
        }

        return total == 0 ? 0 : (double)found / total;
    }

    /// <summary>
    /// The readings <see cref="Coverage(string, string, string)"/> counts: whole Japanese bigrams and English words, not
    /// the characters or word beginnings that only bring near texts closer.
    /// </summary>
    private static string[] CoverageReadings(string field) => [field + Japanese, field + English];

    private static PerFieldAnalyzerWrapper Create()
    {
        var japanese = JapaneseReading();
        var characters = JapaneseCharacterReading();
        var prefixes = EnglishPrefixReading();
        return new PerFieldAnalyzerWrapper(
            EnglishReading(),
            Fields.SelectMany(field => new[]
                {
                    (Name: field + Japanese, Reading: japanese), (Name: field + JapaneseCharacters, Reading: characters), (Name: field + EnglishPrefixes, Reading: prefixes),
                })
                .ToDictionary(field => field.Name, field => field.Reading, StringComparer.Ordinal));
    }

    /// <summary>
    /// Han and katakana runs cut into overlapping bigrams; hiragana, which mostly carries grammar (の, について, したい) and would
    /// otherwise make "達の" and "したい" terms, is dropped with everything that is not Japanese.
    /// </summary>
    private static Analyzer JapaneseReading() =>
        CjkReading(CJKScript.HAN | CJKScript.KATAKANA, characters: false, CJKBigramFilter.DOUBLE_TYPE, CJKBigramFilter.SINGLE_TYPE);

    /// <summary>
    /// Every Han character on its own, everything else dropped: where okurigana leaves a word's characters apart
    /// (売り出し: 売, 出) or a word is written in another compound (話す練習 / 会話練習), its characters still meet. Weighed
    /// well below bigrams (the index's reading weights), since one shared character says little. Katakana is left out: its
    /// characters are sounds, not meanings, and the same few (ン, リ, ジ, ト, ー) run through most loanwords, so キャリアチェンジ
    /// would meet デューデリジェンス.
    /// </summary>
    private static Analyzer JapaneseCharacterReading() => CjkReading(CJKScript.HAN, characters: true, CJKBigramFilter.SINGLE_TYPE);

    /// <summary>
    /// Japanese text through <see cref="CJKBigramFilter"/> for the <paramref name="scripts"/> given, keeping the token types
    /// given (bigrams, characters); tokens of other scripts keep their own types, so the list drops them.
    /// </summary>
    private static Analyzer CjkReading(CJKScript scripts, bool characters, params string[] types) => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, scripts, outputUnigrams: characters);
        stream = new TypeTokenFilter(Version, stream, new HashSet<string>(types), useWhiteList: true);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Latin words and numbers, lower-cased, without stop words, Porter-stemmed; other scripts are dropped.</summary>
    private static Analyzer EnglishReading() => Analyzer.NewAnonymous((_, reader) =>
    {
        var (source, words) = EnglishWords(reader);
        return new TokenStreamComponents(source, new PorterStemFilter(words));
    });

    /// <summary>
    /// The first 4 to 8 letters of every English word, where Porter's stems part: "pharmaceutical" meets "pharma", "tourists"
    /// "tourism", "Japanese" "Japan", "grow" "growth". Weighed below whole words (the matcher's reading weights).
    /// </summary>
    private static Analyzer EnglishPrefixReading() => Analyzer.NewAnonymous((_, reader) =>
    {
        var (source, words) = EnglishWords(reader);
        return new TokenStreamComponents(source, new EdgeNGramTokenFilter(Version, words, 4, 8));
    });

    /// <summary>Latin words and numbers, lower-cased, without stop words; other scripts are dropped.</summary>
    private static (Tokenizer Source, TokenStream Words) EnglishWords(TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new TypeTokenFilter(
            Version,
            source,
            new HashSet<string> { StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM], StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM] },
            useWhiteList: true);
        stream = new CJKWidthFilter(stream);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        return (source, new StopFilter(Version, stream, EnglishStopWords));
    }
}
