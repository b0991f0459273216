using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// A validated request turned into member indices 0..N-1 with an integer weight for putting any two members in
/// the same group (see <see cref="PairWeights"/> for the scale). Searches only ever see indices and weights, so
/// one search can replace another.
/// </summary>
internal sealed class PairingProblem
{
    private const int UnknownIndustry = -1;

    /// <summary>Up to this many members every weight is computed once and kept: 18 MB at the limit.</summary>
    private const int DenseWeightLimit = ExactPairing.MaxMembers;

    private readonly PairFactsTable pairs;
    private readonly int[][] interests;
    private readonly int[][] offers;
    private readonly int[][] seeks;
    private readonly int[] utcOffsets;
    private readonly int[] freshPartners;

    /// <summary>What weighing a pair reads of each member, side by side: one cache line per member, not a dozen arrays.</summary>
    private readonly MemberTraits[] traits;

    /// <summary>Whether there are at most 64 labels, so the label bits of <see cref="MemberTraits"/> are exact.</summary>
    private readonly bool interestBitsExact;

    private readonly bool offerBitsExact;
    private readonly PairingMode mode;
    private readonly bool banSameIndustry;
    private readonly long seed;
    private readonly long[]? denseWeights;

    /// <summary>The most any pair can weigh short of its members' scarcity: see <see cref="WeightBound"/>.</summary>
    private readonly long bestPreferences;
    private Dictionary<int, int[]>[]? affinityPools;
    private object? poolsGate;

    private PairingProblem(PairingRequest request, PairFactsTable pairs, MemberLabels labels)
    {
        Members = request.Members;
        mode = request.Mode;
        banSameIndustry = request.SameIndustryBan && request.Mode == PairingMode.CrossIndustry;
        seed = request.Seed;
        this.pairs = pairs;
        BlockDegrees = Enumerable.Range(0, Count).Select(pairs.BlockedPartners).ToArray();
        var industries = labels.Industries;
        (interests, offers, seeks, utcOffsets) = (labels.Interests, labels.Offers, labels.Seeks, labels.UtcOffsets);
        (interestBitsExact, offerBitsExact) = (labels.InterestBitsExact, labels.OfferBitsExact);
        freshPartners = Enumerable.Range(0, Count).Select(member => Count - 1 - pairs.KnownPartners(member)).ToArray();
        traits = Enumerable.Range(0, Count).Select(member => new MemberTraits(
                industries[member],
                utcOffsets[member],
                freshPartners[member] > 0 ? PairWeights.Scarcity / freshPartners[member] : 0,
                LabelBits(interests[member]),
                LabelBits(offers[member]),
                LabelBits(seeks[member])))
            .ToArray();
        bestPreferences = PairWeights.Jitter + PairWeights.MaxOverlap + (2 * PairWeights.OfferSeek)
            + traits.Select(member => member.Scarcity).DefaultIfEmpty().Max() + mode switch
            {
                PairingMode.CrossIndustry => PairWeights.ModeMatch,
                PairingMode.SharedInterest => PairWeights.ModeMatch * PairWeights.SharedInterestCap,
                _ => 0,
            };
        denseWeights = Count <= DenseWeightLimit ? ComputeAllWeights() : null;
    }

    public IReadOnlyList<PairingMember> Members { get; }

    public int Count => Members.Count;

    public long Seed => seed;

    /// <summary>For each member, how many others in the round they blocked or were blocked by.</summary>
    public IReadOnlyList<int> BlockDegrees { get; }

    public static PairingProblem Build(PairingRequest request)
    {
        // The history's pairs and the members' own labels do not depend on each other: one core each.
        PairFactsTable? pairs = null;
        MemberLabels? labels = null;
        Parallel.Invoke(() => pairs = BuildPairFacts(request), () => labels = MemberLabels.Of(request));
        return new PairingProblem(request, pairs!, labels!);
    }

    private static PairFactsTable BuildPairFacts(PairingRequest request)
    {
        var members = request.Members;
        // Keyed by the id's text with the ordinal comparer, whose hash is several times cheaper than MemberId's
        // default one: a large round looks up millions of history ids.
        var indexOf = new Dictionary<string, int>(members.Count, StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            indexOf.Add(members[i].Id.Value, i);
        }

        return PairFactsTable.Build(members, request.History, request.CooldownRounds, indexOf);
    }

    /// <summary>How good it is to put the two members in one group; see <see cref="PairWeights"/>.</summary>
    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Weight(int a, int b) => denseWeights is { } dense ? dense[(a * Count) + b] : ComputeWeight(a, b);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long[] ComputeAllWeights()
    {
        var weights = new long[Count * Count];
        for (var a = 0; a < Count; a++)
        {
            for (var b = a + 1; b < Count; b++)
            {
                weights[(a * Count) + b] = weights[(b * Count) + a] = ComputeWeight(a, b);
            }
        }

        return weights;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long ComputeWeight(int a, int b)
    {
        var facts = pairs.Facts(a, b);
        if (facts.Blocked)
        {
            return PairWeights.Blocked;
        }

        var weight = Jitter(a, b) - facts.HistoryPenalty + Overlap(a, b);
        if (banSameIndustry && SameKnownIndustry(a, b))
        {
            weight -= PairWeights.SameIndustryBan;
        }

        weight += mode switch
        {
            PairingMode.CrossIndustry => IndustriesDiffer(a, b) ? PairWeights.ModeMatch : 0,
            PairingMode.SharedInterest => PairWeights.ModeMatch * Math.Min(PairWeights.SharedInterestCap, SharedInterests(a, b)),
            _ => 0,
        };
        weight += PairWeights.OfferSeek * OfferSeekDirections(a, b);
        if (!facts.HaveMet)
        {
            weight += traits[a].Scarcity + traits[b].Scarcity;
        }

        return weight;
    }

    /// <summary>No pair with <paramref name="member"/> weighs more: every preference of the mode at its most, no penalty.</summary>
    public long WeightBound(int member) => bestPreferences + traits[member].Scarcity;

    // Called millions of times in a one-second run: compiled fully at once, not left to tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool AreBlocked(int a, int b) => Facts(a, b).Blocked;

    public bool HaveMet(int a, int b) => Facts(a, b).HaveMet;

    /// <summary>How many members of the round <paramref name="member"/> has neither met nor blocked.</summary>
    public int FreshPartners(int member) => freshPartners[member];

    /// <summary>
    /// Adds to <paramref name="pools"/> the groups of members who could weigh well with <paramref name="member"/>:
    /// those who seek what they offer, offer
    /// what they seek, share an interest (in shared-interest mode) or share their UTC offset. Large rounds draw
    /// candidates from these instead of weighing all N² pairs.
    /// </summary>
    public void AddAffinityPools(int member, List<int[]> pools)
    {
        // Candidates are chosen on several threads at once: the pools are built by the first to ask.
        LazyInitializer.EnsureInitialized(ref affinityPools, ref poolsGate, BuildPools);
        var (seekersOf, offerersOf, holdersOf, atOffset) = (affinityPools[0], affinityPools[1], affinityPools[2], affinityPools[3]);
        AddPools(pools, seekersOf, offers[member]);
        AddPools(pools, offerersOf, seeks[member]);
        AddPools(pools, holdersOf, interests[member]);
        if (atOffset.TryGetValue(utcOffsets[member], out var sameOffset))
        {
            pools.Add(sameOffset);
        }
    }

    /// <summary>The first blocked pair sharing a group, in group order, or null when there is none.</summary>
    public (int First, int Second)? FirstBlockedPair(IReadOnlyList<int[]> groups)
    {
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    if (AreBlocked(group[i], group[j]))
                    {
                        return (group[i], group[j]);
                    }
                }
            }
        }

        return null;
    }

    public PairingStats Measure(IReadOnlyList<int[]> groups, int groupSize)
    {
        int pairCount = 0, repeats = 0, cooldownViolations = 0, crossIndustry = 0, sharedInterest = 0;
        int offerSeek = 0, banRelaxations = 0, zonedPairs = 0;
        long overlapMinutes = 0;
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    var (a, b) = (group[i], group[j]);
                    var facts = Facts(a, b);
                    pairCount++;
                    repeats += facts.HaveMet ? 1 : 0;
                    cooldownViolations += facts.MetInCooldown ? 1 : 0;
                    crossIndustry += IndustriesDiffer(a, b) ? 1 : 0;
                    sharedInterest += SharedInterests(a, b) > 0 ? 1 : 0;
                    offerSeek += OfferSeekDirections(a, b) > 0 ? 1 : 0;
                    banRelaxations += banSameIndustry && SameKnownIndustry(a, b) ? 1 : 0;
                    if (utcOffsets[a] != WorkingHours.Unknown && utcOffsets[b] != WorkingHours.Unknown)
                    {
                        zonedPairs++;
                        overlapMinutes += WorkingHours.OverlapMinutes(utcOffsets[a], utcOffsets[b]);
                    }
                }
            }
        }

        return new PairingStats(
            Members: Count,
            Groups: groups.Count,
            LargerGroups: groups.Count(group => group.Length > groupSize),
            RepeatPairs: repeats,
            CooldownViolations: cooldownViolations,
            CrossIndustryShare: pairCount == 0 ? 0 : (double)crossIndustry / pairCount,
            SharedInterestShare: pairCount == 0 ? 0 : (double)sharedInterest / pairCount)
        {
            OfferSeekMatches = offerSeek,
            SameIndustryBanRelaxations = banRelaxations,
            MeanWorkingHoursOverlap = zonedPairs == 0 ? null : overlapMinutes / (60.0 * zonedPairs),
        };
    }

    /// <summary>
    /// The members by each key <paramref name="keysOf"/> gives them. The keys come as a span of the member's own
    /// array: an enumerator or a one-key array per member and index was 16 MB of garbage at 100,000 members.
    /// </summary>
    private static Dictionary<int, int[]> Index(int count, Func<int, ReadOnlySpan<int>> keysOf)
    {
        var lists = new Dictionary<int, List<int>>();
        for (var member = 0; member < count; member++)
        {
            foreach (var key in keysOf(member))
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(lists, key, out _);
                (list ??= []).Add(member);
            }
        }

        return lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    private static void AddPools(List<int[]> pools, Dictionary<int, int[]> byLabel, int[] labels)
    {
        foreach (var label in labels)
        {
            if (byLabel.TryGetValue(label, out var pool))
            {
                pools.Add(pool);
            }
        }
    }

    /// <summary>Label <c>l</c> sets bit <c>l mod 64</c>: exact up to 64 labels, and beyond that no shared bit still means no shared label.</summary>
    private static ulong LabelBits(int[] labels)
    {
        var bits = 0UL;
        foreach (var label in labels)
        {
            bits |= 1UL << (label & 63);
        }

        return bits;
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>How many labels two sorted label lists share, in one merge walk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CommonLabels(int[] left, int[] right)
    {
        int i = 0, j = 0, common = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                common++;
                i++;
                j++;
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    private Dictionary<int, int[]>[] BuildPools() =>
    [
        Index(Count, member => seeks[member]),
        Index(Count, member => offers[member]),
        Index(Count, member => mode == PairingMode.SharedInterest ? interests[member] : []),
        Index(Count, member => utcOffsets[member] == WorkingHours.Unknown ? [] : utcOffsets.AsSpan(member, 1)),
    ];

    private PairFacts Facts(int a, int b) => pairs.Facts(a, b);

    private bool IndustriesDiffer(int a, int b) =>
        traits[a].Industry != UnknownIndustry && traits[b].Industry != UnknownIndustry && traits[a].Industry != traits[b].Industry;

    private bool SameKnownIndustry(int a, int b) => traits[a].Industry != UnknownIndustry && traits[a].Industry == traits[b].Industry;

    private int SharedInterests(int a, int b)
    {
        var shared = traits[a].InterestBits & traits[b].InterestBits;
        return shared == 0 ? 0 : interestBitsExact ? BitOperations.PopCount(shared) : CommonLabels(interests[a], interests[b]);
    }

    private int OfferSeekDirections(int a, int b) => (Serves(a, b) ? 1 : 0) + (Serves(b, a) ? 1 : 0);

    /// <summary>Whether <paramref name="a"/> offers something <paramref name="b"/> seeks.</summary>
    private bool Serves(int a, int b) =>
        (traits[a].OfferBits & traits[b].SeekBits) != 0 && (offerBitsExact || CommonLabels(offers[a], seeks[b]) > 0);

    private long Overlap(int a, int b) =>
        traits[a].UtcOffset == WorkingHours.Unknown || traits[b].UtcOffset == WorkingHours.Unknown
            ? PairWeights.UnknownOverlap
            : WorkingHours.OverlapMinutes(traits[a].UtcOffset, traits[b].UtcOffset) / PairWeights.OverlapMinutesPerPoint;

    /// <summary>
    /// Each member's industry, interests, offers and seeks as small integers (labels compared ignoring case and
    /// surrounding space; -1 for no industry), and their UTC offset at the request's reference time.
    /// </summary>
    private sealed record MemberLabels(
        int[] Industries,
        int[][] Interests,
        int[][] Offers,
        int[][] Seeks,
        int[] UtcOffsets,
        bool InterestBitsExact,
        bool OfferBitsExact)
    {
        public static MemberLabels Of(PairingRequest request)
        {
            var members = request.Members;
            var industryLabels = new Labeler();
            var industries = members.Select(m => m.Industry is { } industry ? industryLabels.Of(industry) : UnknownIndustry).ToArray();
            var interestLabels = new Labeler();
            var interests = members.Select(m => interestLabels.OfAll(m.Interests)).ToArray();
            var purposeLabels = new Labeler();
            var offers = members.Select(m => purposeLabels.OfAll(m.Offers)).ToArray();
            var seeks = members.Select(m => purposeLabels.OfAll(m.Seeks)).ToArray();
            return new MemberLabels(
                industries,
                interests,
                offers,
                seeks,
                OffsetsAt(members, request.ReferenceTime),
                interestLabels.Count <= 64,
                purposeLabels.Count <= 64);
        }

        private static int[] OffsetsAt(IReadOnlyList<PairingMember> members, DateTimeOffset at)
        {
            // Members share a handful of zones: each is looked up in the tz database once.
            var byZone = new Dictionary<string, int>(StringComparer.Ordinal);
            var offsets = new int[members.Count];
            for (var i = 0; i < members.Count; i++)
            {
                var zone = members[i].TimeZone ?? string.Empty;
                if (!byZone.TryGetValue(zone, out offsets[i]))
                {
                    offsets[i] = WorkingHours.OffsetMinutes(zone, at);
                    byZone.Add(zone, offsets[i]);
                }
            }

            return offsets;
        }
    }

    /// <summary>
    /// Numbers texts 0, 1, 2… in order of first sight, ignoring case and surrounding space; a blank text is
    /// <see cref="UnknownIndustry"/>. Each string object's label is remembered too: the request reader makes one
    /// string per distinct text, so nearly every look-up hashes a reference instead of the characters.
    /// </summary>
    private sealed class Labeler
    {
        private readonly Dictionary<string, int> byText = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> byString = new(ReferenceEqualityComparer.Instance);

        /// <summary>How many different texts have been labelled.</summary>
        public int Count => byText.Count;

        public int Of(string text)
        {
            ref var label = ref CollectionsMarshal.GetValueRefOrAddDefault(byString, text, out var known);
            if (!known)
            {
                label = string.IsNullOrWhiteSpace(text) ? UnknownIndustry : ByText(text.Trim());
            }

            return label;
        }

        /// <summary>The labels of the non-blank texts, each once, in ascending order.</summary>
        public int[] OfAll(IReadOnlyList<string> texts)
        {
            if (texts.Count == 0)
            {
                return [];
            }

            var labels = new int[texts.Count];
            var count = 0;
            foreach (var text in texts)
            {
                if (Of(text) is var label and not UnknownIndustry && !labels.AsSpan(0, count).Contains(label))
                {
                    labels[count++] = label;
                }
            }

            labels.AsSpan(0, count).Sort();
            return count == labels.Length ? labels : labels[..count];
        }

        private int ByText(string text)
        {
            ref var label = ref CollectionsMarshal.GetValueRefOrAddDefault(byText, text, out var known);
            if (!known)
            {
                label = byText.Count - 1;
            }

            return label;
        }
    }

    /// <summary>
    /// What weighing a pair needs of one member: <paramref name="Scarcity"/> is their share of
    /// <see cref="PairWeights.Scarcity"/>, and the bits are their labels as <see cref="LabelBits"/> sets them.
    /// </summary>
    private readonly record struct MemberTraits(int Industry, int UtcOffset, long Scarcity, ulong InterestBits, ulong OfferBits, ulong SeekBits);

    /// <summary>A per-pair number fixed by the seed and the two positions, so no random state has to be threaded through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Jitter(int a, int b)
    {
        unchecked
        {
            var z = (ulong)seed + ((ulong)Key(a, b) * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (long)(z % (ulong)(PairWeights.Jitter + 1));
        }
    }
}
