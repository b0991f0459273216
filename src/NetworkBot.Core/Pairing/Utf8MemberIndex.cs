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
    /// <summary>Every id's UTF-8 text, one after another: id <c>m</c> is <c>_text[_starts[m].._starts[m + 1]]</c>.</summary>
    private readonly byte[] _text;

    private readonly int[] _starts;

    /// <summary>Open addressing over a power-of-two table at most half full; an empty slot has member -1.</summary>
    private readonly Slot[] _slots;

    private Utf8MemberIndex(byte[] text, int[] starts, Slot[] slots)
    {
        (_text, _starts, _slots) = (text, starts, slots);
    }

    /// <summary>The index of these ids, or null when one of them is repeated.</summary>
    public static Utf8MemberIndex? Build(string[] ids)
    {
        var starts = new int[ids.Length + 1];
        for (var m = 0; m < ids.Length; m++)
        {
            starts[m + 1] = starts[m] + Encoding.UTF8.GetByteCount(ids[m]);
        }

        var text = new byte[starts[ids.Length]];
        var slots = new Slot[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)ids.Length * 2))];
        Array.Fill(slots, new Slot(0, -1));
        var index = new Utf8MemberIndex(text, starts, slots);
        for (var m = 0; m < ids.Length; m++)
        {
            var id = text.AsSpan(starts[m], starts[m + 1] - starts[m]);
            Encoding.UTF8.GetBytes(ids[m], id);
            var hash = Hash(id);
            var slot = index.Probe(id, hash);
            if (slots[slot].Member >= 0)
            {
                return null;
            }

            slots[slot] = new Slot(hash, m);
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
            var (slotHash, member) = _slots[slot];
            if (member < 0 || (slotHash == hash && utf8Id.SequenceEqual(_text.AsSpan(_starts[member], _starts[member + 1] - _starts[member]))))
            {
                return slot;
            }
        }
    }

    /// <summary>A multiply-rotate hash eight bytes at a time, finished as SplitMix64 is, so every byte moves every bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> bytes)
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

    /// <summary>The id's hash beside its member, so most probes that miss are told apart without reading the id.</summary>
    private readonly record struct Slot(uint Hash, int Member);
}
