using System.Text;

namespace NetworkBot.Pairing.Json.Tests;

public sealed class Utf8TextPoolTests
{
    [Fact]
    public void Equal_texts_give_one_string_and_every_text_survives_the_table_growing()
    {
        var pool = new Utf8TextPool();
        var texts = Enumerable.Range(0, 1_000).Select(i => i % 3 == 0 ? $"興味-{i}" : $"interest-{i}").ToArray();

        var first = texts.Select(text => pool.Get(Encoding.UTF8.GetBytes(text))).ToArray();
        var again = texts.Select(text => pool.Get(Encoding.UTF8.GetBytes(text))).ToArray();

        Assert.Equal(texts, first);
        Assert.All(texts.Select((_, i) => (first[i], again[i])), pair => Assert.Same(pair.Item1, pair.Item2));
        Assert.NotSame(pool.Get("Mentoring"u8), pool.Get("mentoring"u8));
        Assert.Equal(string.Empty, pool.Get([]));
    }
}
