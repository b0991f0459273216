using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// Values keyed by UTF-8 text, looked up straight from bytes (a JSON reader's value, say): no UTF-16 copy, no
/// string per key, and one flat table instead of a dictionary of string objects spread over the heap. UTF-8 text is
/// equal exactly when the strings are equal ordinally, so this finds what an ordinal dictionary of them would.
/// </summary>
/// <remarks>
/// Open addressing over a power-of-two table at most half full, with every key's text one after another in one
/// array. Each slot holds the key's hash and where its text is beside the value: most probes that miss are told
/// apart without reading the text, and a hit reads it with no other look-up on the way.
/// </remarks>
internal sealed class Utf8Map<TValue>
{
    private byte[] text;
    private int textLength;
    private Slot[] table;

    /// <summary>
    /// A map with room for <paramref name="capacity"/> keys, and <paramref name="textCapacity"/> bytes of their text
    /// (16 a key unless given), before it grows.
    /// </summary>
    public Utf8Map(int capacity, int? textCapacity = null)
    {
        table = EmptySlots(Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity) * 2)));
        text = new byte[Math.Max(16, textCapacity ?? capacity * 16)];
    }

    public int Count { get; private set; }

    /// <summary>The value stored under this text, or false.</summary>
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetValue(ReadOnlySpan<byte> utf8, out TValue value)
    {
        var slot = table[Probe(table, utf8, Hash(utf8))];
        value = slot.Value;
        return slot.Length >= 0;
    }

    /// <summary>
    /// The value stored under this text, to read or write; when <paramref name="exists"/> is false the text was
    /// just added with a default value. The reference is valid until the next key is added.
    /// </summary>
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ref TValue GetValueRefOrAddDefault(ReadOnlySpan<byte> utf8, out bool exists)
    {
        var hash = Hash(utf8);
        var slot = Probe(table, utf8, hash);
        exists = table[slot].Length >= 0;
        if (!exists)
        {
            if (++Count * 2 > table.Length)
            {
                Grow();
                slot = Probe(table, utf8, hash);
            }

            if (textLength + utf8.Length > text.Length)
            {
                Array.Resize(ref text, Math.Max(textLength + utf8.Length, 2 * text.Length));
            }

            utf8.CopyTo(text.AsSpan(textLength));
            table[slot] = new Slot { Hash = hash, Start = textLength, Length = utf8.Length };
            textLength += utf8.Length;
        }

        return ref table[slot].Value;
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

    private static Slot[] EmptySlots(int length)
    {
        var slots = new Slot[length];
        Array.Fill(slots, new Slot { Length = -1 });
        return slots;
    }

    /// <summary>The slot holding the text, or the empty slot where it would go.</summary>
    private int Probe(Slot[] slots, ReadOnlySpan<byte> utf8, uint hash)
    {
        var mask = slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            ref readonly var candidate = ref slots[slot];
            if (candidate.Length < 0 || (candidate.Hash == hash && utf8.SequenceEqual(text.AsSpan(candidate.Start, candidate.Length))))
            {
                return slot;
            }
        }
    }

    private void Grow()
    {
        var slots = EmptySlots(table.Length * 2);
        foreach (var slot in table)
        {
            if (slot.Length >= 0)
            {
                slots[Probe(slots, text.AsSpan(slot.Start, slot.Length), slot.Hash)] = slot;
            }
        }

        table = slots;
    }

    /// <summary>A key's hash and text (<see cref="Length"/> -1 for an empty slot) beside its value.</summary>
    private struct Slot
    {
        public uint Hash;
        public int Start;
        public int Length;
        public TValue Value;
    }
}
