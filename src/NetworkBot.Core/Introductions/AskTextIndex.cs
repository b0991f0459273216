using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace NetworkBot.Core.Introductions;

/// <summary>
/// A throw-away Lucene index in memory over the texts of one call's members or asks, each text read as Japanese and as
/// English (<see cref="AskMatcherAnalysis"/>). Built per call, so nothing is shared between calls; dispose it when done.
/// </summary>
internal sealed class AskTextIndex : IDisposable
{
    private const string KeyField = "key";

    /// <summary>
    /// Each reading of a text and how much its matches weigh: a shared word beginning counts less than a shared word (0.6
    /// measured best of 0.3, 0.6 and 1 on the labelled set).
    /// </summary>
    private static readonly (string Suffix, float Weight)[] Readings =
        [(AskMatcherAnalysis.Japanese, 1f), (AskMatcherAnalysis.English, 1f), (AskMatcherAnalysis.EnglishPrefixes, 0.6f)];

    /// <summary>
    /// The reading of <see cref="characterField"/>'s texts as single Japanese characters, weighed far below a bigram since one
    /// shared character says little: top-3 on both labelled sets together (BENCHMARKS.md) 207, 209, 211, 210 and 207 of 222
    /// requests at 0, 0.15, 0.35, 0.6 and 1.
    /// </summary>
    private static readonly (string Suffix, float Weight) Characters = (AskMatcherAnalysis.JapaneseCharacters, 0.35f);

    private readonly string? characterField;
    private readonly RAMDirectory directory = new();
    private readonly IndexWriter writer;
    private readonly Dictionary<(string Field, string Query), Dictionary<string, float>> rarities = [];
    private DirectoryReader? reader;

    /// <param name="characterField">
    /// The field whose texts are also read as single Japanese characters (<see cref="AskMatcherAnalysis.JapaneseCharacters"/>),
    /// or null. Those characters only rank higher a document that the other readings find: nearly every member of a large
    /// community shares some character (者, 業) with a request, and found by it they would all be ranked and read.
    /// </param>
    public AskTextIndex(string? characterField = null)
    {
        this.characterField = characterField;
        // One segment for a community of thousands: nothing is flushed before the search.
        writer = new IndexWriter(directory, new IndexWriterConfig(AskMatcherAnalysis.Version, AskMatcherAnalysis.Analyzer) { RAMBufferSizeMB = 64 });
    }

    /// <summary>Adds one document, found again by <paramref name="key"/>; a field given several texts holds them all.</summary>
    public void Add(int key, IEnumerable<(string Field, string Text)> texts)
    {
        var document = new Document { new StoredField(KeyField, key) };
        foreach (var (field, text) in texts)
        {
            foreach (var (reading, _) in ReadingsOf(field))
            {
                document.Add(new TextField(field + reading, text, Field.Store.NO));
            }
        }

        writer.AddDocument(document);
    }

    /// <summary>
    /// The documents that share a term with <paramref name="text"/> in any of <paramref name="boosts"/>' fields, best first, at most
    /// <paramref name="take"/>: one clause per field and reading, boosted by the field's weight, so a document matching in
    /// more fields and rarer terms ranks higher; the characters of the character field add to a document found, never find one.
    /// </summary>
    public IReadOnlyList<(int Key, float Score)> Search(string text, IReadOnlyDictionary<string, float> boosts, int take)
    {
        var query = new BooleanQuery();
        var characters = new BooleanQuery();
        foreach (var (field, boost) in boosts)
        {
            foreach (var (reading, weight) in ReadingsOf(field))
            {
                var name = field + reading;
                var terms = AskMatcherAnalysis.Terms(name, text);
                if (terms.Count == 0)
                {
                    continue;
                }

                var fieldQuery = new BooleanQuery { Boost = boost * weight };
                foreach (var term in terms)
                {
                    fieldQuery.Add(new TermQuery(new Term(name, term)), Occur.SHOULD);
                }

                (reading == Characters.Suffix ? characters : query).Add(fieldQuery, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0 || take <= 0)
        {
            return [];
        }

        if (characters.Clauses.Count > 0)
        {
            // Without coord: how many of the two parts match says nothing more, since every document found matches the first.
            query = new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { characters, Occur.SHOULD } };
        }

        var searcher = Searcher();
        return [.. searcher.Search(query, take).ScoreDocs.Select(hit => (searcher.Doc(hit.Doc).GetField(KeyField).GetInt32Value()!.Value, hit.Score))];
    }

    /// <summary>
    /// How much of <paramref name="query"/> <paramref name="text"/> holds when read as <paramref name="field"/>: the summed
    /// rarity (Lucene's idf over this index) of the terms they share, word beginnings weighed as in the search; 0 when they
    /// share none. The query's terms and their rarity are worked out once per field, since a ranking asks this of every text
    /// of every member it returns.
    /// </summary>
    public float Shared(string field, string text, string query)
    {
        var shared = 0f;
        foreach (var (reading, weight) in ReadingsOf(field))
        {
            var name = field + reading;
            var rarity = QueryRarity(name, query);
            foreach (var term in AskMatcherAnalysis.Terms(name, text))
            {
                shared += rarity.TryGetValue(term, out var idf) ? weight * idf : 0;
            }
        }

        return shared;
    }

    public void Dispose()
    {
        reader?.Dispose();
        writer.Dispose();
        directory.Dispose();
    }

    private IEnumerable<(string Suffix, float Weight)> ReadingsOf(string field) => field == characterField ? [.. Readings, Characters] : Readings;

    private Dictionary<string, float> QueryRarity(string field, string query)
    {
        if (!rarities.TryGetValue((field, query), out var rarity))
        {
            var index = Searcher().IndexReader;
            var similarity = new DefaultSimilarity();
            rarity = AskMatcherAnalysis.Terms(field, query)
                .ToDictionary(term => term, term => similarity.Idf(index.DocFreq(new Term(field, term)), index.NumDocs), StringComparer.Ordinal);
            rarities[(field, query)] = rarity;
        }

        return rarity;
    }

    /// <summary>Opened once every document is added (a call adds all, then searches).</summary>
    private IndexSearcher Searcher() => new(reader ??= DirectoryReader.Open(writer, applyAllDeletes: false));
}
