using System.Text;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// One string per distinct text, found by the text's UTF-8 bytes: a request's industries, interests, zones and
/// purposes repeat over thousands of members, and each is looked up straight from the JSON bytes, with no UTF-16
/// copy and no string made for a text already seen.
/// </summary>
internal sealed class Utf8TextPool
{
    private readonly Utf8Map<string> texts = new(64);

    /// <summary>The string of this UTF-8 text (which the caller has checked is UTF-8).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        ref var text = ref texts.GetValueRefOrAddDefault(utf8, out var known);
        if (!known)
        {
            text = Encoding.UTF8.GetString(utf8);
        }

        return text;
    }
}
