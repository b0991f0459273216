using System.Text;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// One string per distinct text, found by the text's UTF-8 bytes: a request's industries, interests, zones and
/// purposes repeat over thousands of members, and each is looked up straight from the JSON bytes, with no UTF-16
/// copy and no string made for a text already seen. Equal UTF-8 bytes are equal strings, so this pools what an
/// ordinal dictionary of the texts would.
/// </summary>
internal sealed class Utf8TextPool
{
    /// <summary>Open addressing over a power-of-two table at most half full; an empty slot has no text.</summary>
    private Entry[] _slots = new Entry[64];

    private int _count;

    /// <summary>The string of this UTF-8 text (which the caller has checked is UTF-8).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        var hash = Utf8MemberIndex.Hash(utf8);
        var slot = Probe(_slots, utf8, hash);
        if (_slots[slot].Text is { } known)
        {
            return known;
        }

        var text = Encoding.UTF8.GetString(utf8);
        _slots[slot] = new Entry(hash, utf8.ToArray(), text);
        if (++_count * 2 > _slots.Length)
        {
            Grow();
        }

        return text;
    }

    private static int Probe(Entry[] slots, ReadOnlySpan<byte> utf8, uint hash)
    {
        var mask = slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry.Text is null || (entry.Hash == hash && utf8.SequenceEqual(entry.Utf8)))
            {
                return slot;
            }
        }
    }

    private void Grow()
    {
        var slots = new Entry[_slots.Length * 2];
        foreach (var entry in _slots)
        {
            if (entry.Text is not null)
            {
                slots[Probe(slots, entry.Utf8, entry.Hash)] = entry;
            }
        }

        _slots = slots;
    }

    private readonly record struct Entry(uint Hash, byte[] Utf8, string? Text);
}
