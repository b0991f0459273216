using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// The blocks and shared history of a round's members, as one sorted row of known partners per member, each pair
/// in the row of its lower member only (the facts are the same both ways, and a large round holds over a million
/// pairs). A member knows a few dozen of N others, so a pair is found by a short binary search in one small run of
/// memory; a hash table of all pairs cost a cache miss per look-up, and large rounds look up millions of pairs.
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

    /// <summary>The <see cref="PairFacts.Bits"/> of each entry of <see cref="partners"/>.</summary>
    private readonly long[] facts;

    /// <summary>For each member, how many members of the round they have met or have a block with, in either row.</summary>
    private readonly int[] known;

    /// <summary>For each member, how many of those they blocked or were blocked by.</summary>
    private readonly int[] blocked;

    private PairFactsTable(int[] rows, int[] partners, long[] facts)
    {
        (this.rows, this.partners, this.facts) = (rows, partners, facts);
        (known, blocked) = (new int[rows.Length / 2], new int[rows.Length / 2]);
        for (var m = 0; m < known.Length; m++)
        {
            for (var i = rows[2 * m]; i < rows[(2 * m) + 1]; i++)
            {
                known[m]++;
                known[partners[i]]++;
                var isBlocked = PairFacts.FromBits(facts[i]).Blocked ? 1 : 0;
                blocked[m] += isBlocked;
                blocked[partners[i]] += isBlocked;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PairFacts Facts(int a, int b)
    {
        // Min and max rather than a swap: which of two members comes first is a coin toss the branch predictor loses.
        var (lower, higher) = (Math.Min(a, b), Math.Max(a, b));
        var start = rows[2 * lower];
        var found = partners.AsSpan(start, rows[(2 * lower) + 1] - start).BinarySearch(higher);
        return found >= 0 ? PairFacts.FromBits(facts[start + found]) : default;
    }

    /// <summary>How many members of the round <paramref name="member"/> has met or has a block with.</summary>
    public int KnownPartners(int member) => known[member];

    /// <summary>How many members of the round <paramref name="member"/> blocked or was blocked by.</summary>
    public int BlockedPartners(int member) => blocked[member];

    /// <summary>
    /// The facts of every pair of members of the round: blocks either way, and the history rounds (oldest first)
    /// the two shared a group in, weighed by recency (see <see cref="PairWeights"/>). Ids of people outside the
    /// round are ignored.
    /// </summary>
    /// <remarks>
    /// The sightings (a pair seen in a round, or a block) are walked twice: once to count each member's, once to
    /// write them into their rows. Millions of them are never gathered in a list of their own first.
    /// </remarks>
    public static PairFactsTable Build(
        IReadOnlyList<PairingMember> members,
        IPairingHistory history,
        int cooldownRounds,
        Dictionary<string, int> indexOf)
    {
        var blocks = new List<(int A, int B)>();
        for (var a = 0; a < members.Count; a++)
        {
            foreach (var blockedId in members[a].Blocked)
            {
                if (indexOf.TryGetValue(blockedId.Value, out var b))
                {
                    blocks.Add((a, b));
                }
            }
        }

        var sightings = new Sightings(blocks, history.IndexBy(members, indexOf));
        var degrees = new DegreeCounter(new int[members.Count]);
        sightings.Visit(ref degrees);
        return RowWriter.Write(sightings, degrees.Degrees, new RecencyPenalty(history.Count, cooldownRounds));
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

    /// <summary>Takes each sighting of a pair: two members and the round they met in, or <see cref="BlockRound"/>.</summary>
    private interface ISightingSink
    {
        void Add(int a, int b, int round);
    }

    /// <summary>Every (pair, round) the blocks and the history hold; entries below zero are people outside the round.</summary>
    private sealed class Sightings(List<(int A, int B)> blocks, IReadOnlyList<IndexedHistoryRound> history)
    {
        /// <summary>Hands every sighting to <paramref name="sink"/>, always in the same order (a struct, so each walk is compiled for its sink).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Visit<TSink>(ref TSink sink)
            where TSink : struct, ISightingSink
        {
            foreach (var (a, b) in blocks)
            {
                // A self-block means nothing.
                if (a != b)
                {
                    sink.Add(a, b, BlockRound);
                }
            }

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
                            // A member listed twice in a group has not met themselves.
                            if (group[i] >= 0 && group[j] >= 0 && group[i] != group[j])
                            {
                                sink.Add(group[i], group[j], round);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Counts the sightings in each member's row (the lower member's of each pair), its length before it is sorted.</summary>
    private readonly struct DegreeCounter(int[] degrees) : ISightingSink
    {
        public int[] Degrees => degrees;

        public void Add(int a, int b, int round) => degrees[Math.Min(a, b)]++;
    }

    /// <summary>
    /// Writes each sighting into the lower member's row as <c>partner &lt;&lt; 32 | round + 1</c>, so sorting a row
    /// orders it by partner, then by round with the blocks first.
    /// </summary>
    private readonly struct RowWriter(long[] keys, int[] next) : ISightingSink
    {
        public void Add(int a, int b, int round) =>
            keys[next[Math.Min(a, b)]++] = ((long)Math.Max(a, b) << 32) | (uint)(round + 1);

        /// <summary>
        /// The table of these sightings. A row keeps its place and its sightings' size: it only shrinks where a pair
        /// met more than once, and so every row is finished on its own, on any core, into the array it was sorted in.
        /// </summary>
        public static PairFactsTable Write(Sightings sightings, int[] degree, RecencyPenalty penalty)
        {
            var count = degree.Length;
            var rows = new int[2 * count];
            var next = new int[count];
            var total = 0;
            for (var m = 0; m < count; m++)
            {
                rows[2 * m] = next[m] = total;
                total += degree[m];
            }

            var keys = new long[total];
            var writer = new RowWriter(keys, next);
            sightings.Visit(ref writer);
            var partners = new int[total];
            Parallel.ForEach(Partitioner.Create(0, count, RowChunk), range =>
            {
                for (var m = range.Item1; m < range.Item2; m++)
                {
                    rows[(2 * m) + 1] = FinishRow(keys, rows[2 * m], degree[m], partners, penalty);
                }
            });
            return new PairFactsTable(rows, partners, keys);
        }

        /// <summary>
        /// Sorts one row's sightings and writes a partner and its facts' bits per partner from <paramref name="start"/>,
        /// the facts over the sightings already read; returns where the row ends.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int FinishRow(long[] keys, int start, int length, int[] partners, RecencyPenalty penalty)
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
                        pair = pair.WithBlock();
                    }
                    else if (round != lastRound)
                    {
                        // A pair seen twice in one round (in two groups, say) met once that round.
                        lastRound = round;
                        pair = pair.WithMeeting(penalty.Of(round), penalty.InCooldown(round));
                    }
                }

                // Every sighting of this partner has been read, so the slot at the row's write position is free.
                (partners[written], keys[written]) = (partner, pair.Bits);
                written++;
            }

            return written;
        }
    }
}
