using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// The blocks and shared history of a round's members, as one sorted row of known partners per member (both
/// members of a pair have it in their row). A member knows a few dozen of N others, so a pair is found by a short
/// binary search in one small run of memory; a hash table of all pairs cost a cache miss per look-up, and large
/// rounds look up millions of pairs.
/// </summary>
internal sealed class PairFactsTable
{
    /// <summary>The round number that stands for a block while the rows are sorted, so blocks come first.</summary>
    private const int BlockRound = -1;

    /// <summary>Rows handed to a thread at a time while the table is finished.</summary>
    private const int RowChunk = 4096;

    /// <summary>
    /// Row <c>m</c> is <c>partners[rows[2m]..rows[2m + 1]]</c>, in ascending order: start and end side by side,
    /// so finding a row costs one cache line.
    /// </summary>
    private readonly int[] rows;

    private readonly int[] partners;
    private readonly PairFacts[] facts;

    private PairFactsTable(int[] rows, int[] partners, PairFacts[] facts)
    {
        (this.rows, this.partners, this.facts) = (rows, partners, facts);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PairFacts Facts(int a, int b)
    {
        var start = rows[2 * a];
        var found = partners.AsSpan(start, rows[(2 * a) + 1] - start).BinarySearch(b);
        return found >= 0 ? facts[start + found] : default;
    }

    /// <summary>How many members of the round <paramref name="member"/> has met or has a block with.</summary>
    public int KnownPartners(int member) => rows[(2 * member) + 1] - rows[2 * member];

    /// <summary>How many members of the round <paramref name="member"/> blocked or was blocked by.</summary>
    public int BlockedPartners(int member)
    {
        var blocked = 0;
        for (var i = rows[2 * member]; i < rows[(2 * member) + 1]; i++)
        {
            blocked += facts[i].Blocked ? 1 : 0;
        }

        return blocked;
    }

    /// <summary>
    /// The facts of every pair of members of the round: blocks either way, and the history rounds (oldest first)
    /// the two shared a group in, weighed by recency (see <see cref="PairWeights"/>). Ids of people outside the
    /// round are ignored.
    /// </summary>
    public static PairFactsTable Build(
        IReadOnlyList<PairingMember> members,
        IPairingHistory history,
        int cooldownRounds,
        Dictionary<string, int> indexOf)
    {
        var sightings = new Sightings(members.Count);
        for (var a = 0; a < members.Count; a++)
        {
            foreach (var blockedId in members[a].Blocked)
            {
                if (indexOf.TryGetValue(blockedId.Value, out var b))
                {
                    sightings.Add(a, b, BlockRound);
                }
            }
        }

        AddHistory(sightings, history.IndexBy(members, indexOf));
        return sightings.ToTable(new RecencyPenalty(history.Count, cooldownRounds));
    }

    /// <summary>Every pair of members sharing a history group; entries below zero are people outside the round.</summary>
    private static void AddHistory(Sightings sightings, IReadOnlyList<IndexedHistoryRound> history)
    {
        // Millions of sightings: room for all of them at once, not a list doubled on a full heap.
        var pairs = 0L;
        foreach (var round in history)
        {
            for (var g = 0; g < round.GroupCount; g++)
            {
                long size = round.Group(g).Length;
                pairs += size * (size - 1) / 2;
            }
        }

        sightings.Reserve(pairs);
        for (var round = 0; round < history.Count; round++)
        {
            var groups = history[round];
            for (var g = 0; g < groups.GroupCount; g++)
            {
                var group = groups.Group(g);
                for (var i = 0; i < group.Length; i++)
                {
                    for (var j = i + 1; j < group.Length; j++)
                    {
                        if (group[i] >= 0 && group[j] >= 0)
                        {
                            sightings.Add(group[i], group[j], round);
                        }
                    }
                }
            }
        }
    }

    /// <summary>What one meeting costs a pair, by the round it happened in.</summary>
    private readonly struct RecencyPenalty(int rounds, int cooldownRounds)
    {
        // Only rounds that exist can be in the window; clamping keeps the recency weight bounded.
        private readonly int window = Math.Min(cooldownRounds, rounds);

        public bool InCooldown(int round) => rounds - 1 - round < window;

        public long Of(int round)
        {
            var age = rounds - 1 - round;
            return InCooldown(round)
                ? PairWeights.CooldownMeeting + (PairWeights.CooldownRecencyStep * Math.Min(window - age, PairWeights.MaxRecencySteps))
                : PairWeights.RepeatBase + (PairWeights.RepeatFading * PairWeights.RepeatFadingRounds / (PairWeights.RepeatFadingRounds + age));
        }
    }

    /// <summary>Every (pair, round) seen, gathered flat and then sorted into rows by counting.</summary>
    private sealed class Sightings(int count)
    {
        private readonly int[] degree = new int[count];
        private readonly List<(int A, int B, int Round)> seen = [];

        public void Reserve(long more) => seen.EnsureCapacity((int)Math.Min(Array.MaxLength, seen.Count + more));

        public void Add(int a, int b, int round)
        {
            // A self-block means nothing, and a member listed twice in a group has not met themselves.
            if (a != b)
            {
                seen.Add((a, b, round));
                degree[a]++;
                degree[b]++;
            }
        }

        public PairFactsTable ToTable(RecencyPenalty penalty)
        {
            // Each sighting goes into both rows as partner << 32 | round + 1, so sorting a row orders it by partner,
            // then by round with the blocks first. A row keeps its place and its sightings' size: it only shrinks
            // where a pair met more than once, and so every row is finished on its own, on any core.
            var rows = new int[2 * count];
            var next = new int[count];
            var sightings = 0;
            for (var m = 0; m < count; m++)
            {
                rows[2 * m] = next[m] = sightings;
                sightings += degree[m];
            }

            var keys = new long[sightings];
            foreach (var (a, b, round) in seen)
            {
                keys[next[a]++] = ((long)b << 32) | (uint)(round + 1);
                keys[next[b]++] = ((long)a << 32) | (uint)(round + 1);
            }

            seen.Clear();
            var (partners, facts) = (new int[keys.Length], new PairFacts[keys.Length]);
            Parallel.ForEach(Partitioner.Create(0, count, RowChunk), range =>
            {
                for (var m = range.Item1; m < range.Item2; m++)
                {
                    rows[(2 * m) + 1] = FinishRow(keys, rows[2 * m], degree[m], partners, facts, penalty);
                }
            });
            return new PairFactsTable(rows, partners, facts);
        }

        /// <summary>Sorts one row's sightings and writes a fact per partner from <paramref name="start"/>; returns where the row ends.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int FinishRow(long[] keys, int start, int length, int[] partners, PairFacts[] facts, RecencyPenalty penalty)
        {
            var row = keys.AsSpan(start, length);
            row.Sort();
            var written = start;
            for (var i = 0; i < row.Length;)
            {
                var partner = (int)(row[i] >> 32);
                var pair = default(PairFacts);
                var lastRound = BlockRound;
                for (; i < row.Length && (int)(row[i] >> 32) == partner; i++)
                {
                    var round = (int)(uint)row[i] - 1;
                    if (round == BlockRound)
                    {
                        pair.Blocked = true;
                    }
                    else if (round != lastRound)
                    {
                        // A pair seen twice in one round (in two groups, say) met once that round.
                        lastRound = round;
                        pair.SharedRounds++;
                        pair.MetInCooldown |= penalty.InCooldown(round);
                        pair.HistoryPenalty = Math.Min(PairWeights.PenaltyCap, pair.HistoryPenalty + penalty.Of(round));
                    }
                }

                (partners[written], facts[written]) = (partner, pair);
                written++;
            }

            return written;
        }
    }
}
