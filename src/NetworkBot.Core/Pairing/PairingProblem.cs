using System.Runtime.InteropServices;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// A validated request turned into member indices 0..N-1 with an integer cost for putting any two members in
/// the same group. The search only ever sees indices and costs, so a different search can replace it.
/// </summary>
/// <remarks>
/// The weights are tiers: one blocked pair costs more than every other cost one swap can change
/// (2 members x 8 partners x <see cref="HistoryCostCap"/>), so the search always trades anything for a block
/// removed; a cooldown pair costs more than any number of mode preferences a member can have.
/// </remarks>
internal sealed class PairingProblem
{
    public const long BlockCost = 1L << 40;
    public const long CooldownCost = 100_000;
    public const long RecencyCost = 1_000;
    public const long OldRepeatCost = 1_000;
    public const long HistoryCostCap = 1_000_000_000;
    public const long PreferenceCost = 10;

    private const int UnknownIndustry = -1;

    private readonly Dictionary<long, PairFacts> _pairs;
    private readonly int[] _industries;
    private readonly int[][] _interests;
    private readonly PairingMode _mode;

    private PairingProblem(
        IReadOnlyList<PairingMember> members,
        PairingMode mode,
        Dictionary<long, PairFacts> pairs,
        int[] industries,
        int[][] interests,
        int[] blockDegrees)
    {
        Members = members;
        _mode = mode;
        _pairs = pairs;
        _industries = industries;
        _interests = interests;
        BlockDegrees = blockDegrees;
    }

    public IReadOnlyList<PairingMember> Members { get; }

    public int Count => Members.Count;

    /// <summary>For each member, how many others in the round they blocked or were blocked by.</summary>
    public IReadOnlyList<int> BlockDegrees { get; }

    public static PairingProblem Build(PairingRequest request)
    {
        var members = request.Members;
        var indexOf = new Dictionary<MemberId, int>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            indexOf.Add(members[i].Id, i);
        }

        var pairs = new Dictionary<long, PairFacts>();
        var blockDegrees = AddBlocks(members, indexOf, pairs);
        AddHistory(request.History, request.CooldownRounds, indexOf, pairs);
        var industries = LabelIndustries(members);
        var interests = LabelInterests(members);
        return new PairingProblem(members, request.Mode, pairs, industries, interests, blockDegrees);
    }

    public long PairCost(int a, int b)
    {
        var cost = _pairs.Count > 0 && _pairs.TryGetValue(Key(a, b), out var facts)
            ? (facts.Blocked ? BlockCost : 0) + facts.HistoryCost
            : 0;
        return cost + _mode switch
        {
            PairingMode.CrossIndustry => CrossIndustryCost(a, b),
            PairingMode.SharedInterest => ShareInterest(a, b) ? 0 : PreferenceCost,
            _ => 0,
        };
    }

    public bool AreBlocked(int a, int b) => Facts(a, b).Blocked;

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
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    var (a, b) = (group[i], group[j]);
                    var facts = Facts(a, b);
                    pairCount++;
                    repeats += facts.SharedRounds > 0 ? 1 : 0;
                    cooldownViolations += facts.SharedRoundsInCooldown > 0 ? 1 : 0;
                    crossIndustry += IndustriesDiffer(a, b) ? 1 : 0;
                    sharedInterest += ShareInterest(a, b) ? 1 : 0;
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
            SharedInterestShare: pairCount == 0 ? 0 : (double)sharedInterest / pairCount);
    }

    private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static int[] AddBlocks(
        IReadOnlyList<PairingMember> members, Dictionary<MemberId, int> indexOf, Dictionary<long, PairFacts> pairs)
    {
        var degrees = new int[members.Count];
        for (var a = 0; a < members.Count; a++)
        {
            foreach (var blockedId in members[a].Blocked)
            {
                // Blocks of people outside this round cannot matter, and a self-block means nothing.
                if (!indexOf.TryGetValue(blockedId, out var b) || b == a)
                {
                    continue;
                }

                ref var facts = ref CollectionsMarshal.GetValueRefOrAddDefault(pairs, Key(a, b), out _);
                if (!facts.Blocked)
                {
                    facts.Blocked = true;
                    degrees[a]++;
                    degrees[b]++;
                }
            }
        }

        return degrees;
    }

    private static void AddHistory(
        IReadOnlyList<PairingHistoryRound> history,
        int cooldownRounds,
        Dictionary<MemberId, int> indexOf,
        Dictionary<long, PairFacts> pairs)
    {
        // Only rounds that exist can be in the window; clamping keeps the recency weight bounded.
        var window = Math.Min(cooldownRounds, history.Count);
        var seenThisRound = new HashSet<long>();
        for (var round = 0; round < history.Count; round++)
        {
            var age = history.Count - 1 - round;
            var inCooldown = age < window;
            var cost = inCooldown ? CooldownCost + (RecencyCost * (window - age)) : OldRepeatCost;
            seenThisRound.Clear();
            foreach (var group in history[round].Groups)
            {
                var present = group.Select(id => indexOf.TryGetValue(id, out var index) ? index : -1)
                    .Where(index => index >= 0)
                    .ToArray();
                for (var i = 0; i < present.Length; i++)
                {
                    for (var j = i + 1; j < present.Length; j++)
                    {
                        var key = Key(present[i], present[j]);
                        if (present[i] == present[j] || !seenThisRound.Add(key))
                        {
                            continue;
                        }

                        ref var facts = ref CollectionsMarshal.GetValueRefOrAddDefault(pairs, key, out _);
                        facts.SharedRounds++;
                        facts.SharedRoundsInCooldown += inCooldown ? 1 : 0;
                        facts.HistoryCost = Math.Min(HistoryCostCap, facts.HistoryCost + cost);
                    }
                }
            }
        }
    }

    private static int[] LabelIndustries(IReadOnlyList<PairingMember> members)
    {
        var labels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return members
            .Select(member => string.IsNullOrWhiteSpace(member.Industry)
                ? UnknownIndustry
                : Label(labels, member.Industry.Trim()))
            .ToArray();
    }

    private static int[][] LabelInterests(IReadOnlyList<PairingMember> members)
    {
        var labels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return members
            .Select(member => member.Interests
                .Where(interest => !string.IsNullOrWhiteSpace(interest))
                .Select(interest => Label(labels, interest.Trim()))
                .Distinct()
                .Order()
                .ToArray())
            .ToArray();
    }

    private static int Label(Dictionary<string, int> labels, string text)
    {
        ref var label = ref CollectionsMarshal.GetValueRefOrAddDefault(labels, text, out var exists);
        if (!exists)
        {
            label = labels.Count - 1;
        }

        return label;
    }

    private PairFacts Facts(int a, int b) => _pairs.TryGetValue(Key(a, b), out var facts) ? facts : default;

    private bool IndustriesDiffer(int a, int b) =>
        _industries[a] != UnknownIndustry && _industries[b] != UnknownIndustry && _industries[a] != _industries[b];

    private long CrossIndustryCost(int a, int b)
    {
        if (IndustriesDiffer(a, b))
        {
            return 0;
        }

        // An unknown industry might still be a mix, so it costs less than a known match.
        var eitherUnknown = _industries[a] == UnknownIndustry || _industries[b] == UnknownIndustry;
        return eitherUnknown ? PreferenceCost / 2 : PreferenceCost;
    }

    private bool ShareInterest(int a, int b)
    {
        // Both lists are sorted label ids, so one merge walk finds any common interest.
        var (left, right) = (_interests[a], _interests[b]);
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                return true;
            }

            if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }
}
