using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// Turns the history ids <see cref="PairingRequestReader"/> reads into member indices on another core, a round at
/// a time, while the reader goes on through the text: each look-up is a couple of cache misses in a table of all
/// members, and a large request has millions of them.
/// </summary>
/// <remarks>
/// A round's entries are what <see cref="IndexedHistoryRound"/> holds: a member's index, or for an id outside the
/// round the complement of its place among the strangers. Strangers are numbered by <see cref="Finish"/>, in the
/// order their ids appear in the text, so the result is the same as resolving one id after another.
/// </remarks>
internal sealed class HistoryIdResolver(Utf8MemberIndex members, Utf8TextPool texts)
{
    /// <summary>What a stranger's entry holds until <see cref="Finish"/> numbers it.</summary>
    private const int Unnumbered = int.MinValue;

    /// <summary>Rounds handed to another core; the ids are kept only while strangers among them wait to be numbered.</summary>
    private readonly List<(int[] Entries, Task<RoundIds?> Pending)> rounds = [];

    /// <summary>
    /// Rounds' id buffers whose ids all named members, ready for the next round: a round of 100,000 ids is 2 MB of
    /// text, and with one buffer per round 26 rounds left 60 MB of large objects for a full collection to find.
    /// </summary>
    private readonly ConcurrentBag<RoundIds> spare = [];

    private RoundIds current = new(0);

    /// <summary>The texts of history ids that name no member, numbered by <see cref="Finish"/>.</summary>
    public List<string> Strangers { get; } = [];

    /// <summary>How many ids the current round has so far: the entry the next one gets.</summary>
    public int Count => current.Count;

    /// <summary>Adds an id, as unescaped UTF-8 text, to the current round.</summary>
    public void Add(ReadOnlySpan<byte> utf8Id) => current.Add(utf8Id);

    /// <summary>The entries of the round read since the last call, one per id added, filled in on another core.</summary>
    public int[] EndRound()
    {
        var ids = current;
        if (spare.TryTake(out var reused))
        {
            reused.Clear();
            current = reused;
        }
        else
        {
            current = new RoundIds(ids.Count);
        }

        var entries = new int[ids.Count];
        rounds.Add((entries, Task.Run(() => Resolve(ids, entries))));
        return entries;
    }

    /// <summary>Waits for every round, then numbers the <see cref="Strangers"/> in text order.</summary>
    public void Finish()
    {
        foreach (var (entries, pending) in rounds)
        {
            if (pending.Result is not { } ids)
            {
                continue;
            }

            for (var i = 0; i < entries.Length; i++)
            {
                if (entries[i] == Unnumbered)
                {
                    entries[i] = ~Strangers.Count;
                    Strangers.Add(texts.Get(ids[i]));
                }
            }
        }

        rounds.Clear();
    }

    /// <summary>Waits for rounds still being resolved, when reading stopped before <see cref="Finish"/> (after it, there are none).</summary>
    public void Abandon()
    {
        Task.WaitAll([.. rounds.Select(round => round.Pending)]);
        rounds.Clear();
    }

    /// <summary>The ids back when some of them name no member, so <see cref="Finish"/> can number those.</summary>
    private RoundIds? Resolve(RoundIds ids, int[] entries)
    {
        var strangers = false;
        for (var i = 0; i < entries.Length; i++)
        {
            var member = members.Find(ids[i]);
            entries[i] = member >= 0 ? member : Unnumbered;
            strangers |= member < 0;
        }

        if (strangers)
        {
            return ids;
        }

        spare.Add(ids);
        return null;
    }

    /// <summary>One round's ids, their UTF-8 texts one after another.</summary>
    private sealed class RoundIds(int expected)
    {
        /// <summary>Snowflake and Slack ids are 9–20 bytes: room for a round like the last one without regrowing.</summary>
        private byte[] text = new byte[Math.Max(256, expected * 20)];

        private int[] ends = new int[Math.Max(16, expected)];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public ReadOnlySpan<byte> this[int index] =>
            text.AsSpan(index == 0 ? 0 : ends[index - 1], ends[index] - (index == 0 ? 0 : ends[index - 1]));

        // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ReadOnlySpan<byte> utf8Id)
        {
            var start = Count == 0 ? 0 : ends[Count - 1];
            if (start + utf8Id.Length > text.Length)
            {
                Array.Resize(ref text, Math.Max(start + utf8Id.Length, 2 * text.Length));
            }

            if (Count == ends.Length)
            {
                Array.Resize(ref ends, 2 * ends.Length);
            }

            utf8Id.CopyTo(text.AsSpan(start));
            ends[Count++] = start + utf8Id.Length;
        }
    }
}
