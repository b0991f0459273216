using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// Questions that make a first chat easy, in both languages: general ones, ones for people from different
/// industries, and ones per interest. Loaded from <c>config/conversation-starters.json</c> by the host.
/// </summary>
public sealed class ConversationStarters(
    IReadOnlyList<LocalizedText> general,
    IReadOnlyList<LocalizedText> crossIndustry,
    IReadOnlyDictionary<string, IReadOnlyList<LocalizedText>> byInterest)
{
    public static ConversationStarters None { get; } = new([], [], new Dictionary<string, IReadOnlyList<LocalizedText>>());

    public int Count => general.Count + crossIndustry.Count + byInterest.Values.Sum(v => v.Count);

    /// <summary>
    /// Up to <paramref name="count"/> starters: first for the shared interests, then for different industries,
    /// then general ones; the same <paramref name="seed"/> always picks the same ones.
    /// </summary>
    public IReadOnlyList<LocalizedText> Pick(IEnumerable<string> sharedInterests, bool crossIndustryGroup, ulong seed, int count = 3)
    {
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var picked = new List<LocalizedText>(count);
        foreach (var interest in sharedInterests)
        {
            if (byInterest.TryGetValue(interest.ToLowerInvariant(), out var questions) && questions.Count > 0 && picked.Count < count)
            {
                picked.Add(questions[random.Next(questions.Count)]);
            }
        }

        if (crossIndustryGroup)
        {
            TakeFrom(crossIndustry, 1);
        }

        TakeFrom(general, count - picked.Count);
        return picked;

        void TakeFrom(IReadOnlyList<LocalizedText> pool, int wanted)
        {
            foreach (var question in pool.Where(q => !picked.Contains(q)).OrderBy(_ => random.Next()).Take(Math.Min(wanted, count - picked.Count)))
            {
                picked.Add(question);
            }
        }
    }
}
