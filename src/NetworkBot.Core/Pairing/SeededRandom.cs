using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// SplitMix64: a small generator whose sequence is fixed by this code alone, so a logged seed reproduces a
/// round on any runtime version (System.Random's algorithm is an implementation detail and takes an int seed).
/// </summary>
internal sealed class SeededRandom(long seed)
{
    private ulong state = unchecked((ulong)seed);

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Next(int maxExclusive)
    {
        // The high word of a 64x64-bit product maps the full range onto [0, max) with negligible bias.
        var high = Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
        return (int)high;
    }

    /// <summary>
    /// The generator of stream <paramref name="stream"/> of a family fixed by <paramref name="family"/>: work split
    /// over threads gives each item its own stream, so it draws the same numbers whichever thread does it.
    /// </summary>
    public static SeededRandom ForStream(long family, int stream) =>
        new(unchecked((long)Mix((ulong)family ^ Mix((ulong)stream + 0x9E3779B97F4A7C15UL))));

    /// <summary>A number to seed a family of streams with (<see cref="ForStream"/>).</summary>
    public long NextFamily() => unchecked((long)NextUInt64());

    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private ulong NextUInt64()
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            return Mix(state);
        }
    }

    /// <summary>SplitMix64's finaliser: every input bit moves every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
