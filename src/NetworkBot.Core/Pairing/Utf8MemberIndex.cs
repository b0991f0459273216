using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// The members of a request by the UTF-8 text of their ids, so <see cref="PairingRequestReader"/> resolves each of
/// the millions of history ids of a large request straight from the JSON bytes: no UTF-16 copy, no string, and one
/// flat table instead of a dictionary of string objects spread over the heap. UTF-8 text is equal exactly when the
/// strings are equal ordinally, so this finds what an ordinal dictionary of the ids would.
/// </summary>
internal sealed class Utf8MemberIndex
{
    /// <summary>Every id's UTF-8 text, one after another, where the id's slot says.</summary>
    private readonly byte[] _text;

    /// <summary>Open addressing over a power-of-two table at most half full; an empty slot has member -1.</summary>
    private readonly Slot[] _slots;

    private Utf8MemberIndex(byte[] text, Slot[] slots)
    {
        (_text, _slots) = (text, slots);
    }

    /// <summary>The index of these ids, or null when one of them is repeated.</summary>
    public static Utf8MemberIndex? Build(string[] ids)
    {
        var text = new byte[ids.Sum(Encoding.UTF8.GetByteCount)];
        var slots = new Slot[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)ids.Length * 2))];
        Array.Fill(slots, new Slot(0, -1, 0, 0));
        var index = new Utf8MemberIndex(text, slots);
        var start = 0;
        for (var m = 0; m < ids.Length; m++)
        {
            var length = Encoding.UTF8.GetBytes(ids[m], text.AsSpan(start));
            var id = text.AsSpan(start, length);
            var hash = Hash(id);
            var slot = index.Probe(id, hash);
            if (slots[slot].Member >= 0)
            {
                return null;
            }

            slots[slot] = new Slot(hash, m, start, length);
            start += length;
        }

        return index;
    }

    /// <summary>The member whose id is this UTF-8 text, or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8Id) => _slots[Probe(utf8Id, Hash(utf8Id))].Member;

    /// <summary>The slot holding the id, or the empty slot where it would go.</summary>
    private int Probe(ReadOnlySpan<byte> utf8Id, uint hash)
    {
        var mask = _slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var (slotHash, member, start, length) = _slots[slot];
            if (member < 0 || (slotHash == hash && utf8Id.SequenceEqual(_text.AsSpan(start, length))))
            {
                return slot;
            }
        }
    }

    /// <summary>A multiply-rotate hash eight bytes at a time, finished as SplitMix64 is, so every byte moves every bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<byte> bytes)
    {
        unchecked
        {
            var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
            for (; bytes.Length >= sizeof(ulong); bytes = bytes[sizeof(ulong)..])
            {
                hash = BitOperations.RotateLeft(hash ^ (BinaryPrimitives.ReadUInt64LittleEndian(bytes) * 0xBF58476D1CE4E5B9UL), 29) * 0x9E3779B97F4A7C15UL;
            }

            var tail = 0UL;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            hash ^= tail * 0x94D049BB133111EBUL;
            hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
            hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
            return (uint)(hash ^ (hash >> 31));
        }
    }

    /// <summary>
    /// The id's hash and where its text is, beside its member: most probes that miss are told apart without reading
    /// the text, and a hit reads it with no other look-up on the way.
    /// </summary>
    private readonly record struct Slot(uint Hash, int Member, int Start, int Length);
}
