using NetworkBot.Core.Pairing;

namespace NetworkBot.Core.Tests.Pairing;

/// <summary>
/// The rules of DESIGN.md's pairing contract, written independently of the engine, so every test checks a
/// result against the contract rather than against the engine's own bookkeeping.
/// </summary>
internal static class PairingContract
{
    /// <summary>The failure the shape rules demand, or null when the round can be split.</summary>
    public static PairingFailureKind? ShapeFailure(int memberCount, int groupSize) =>
        groupSize is < 2 or > 8 ? PairingFailureKind.GroupSizeOutOfRange
        : memberCount < groupSize ? PairingFailureKind.TooFewMembers
        : memberCount % groupSize > memberCount / groupSize ? PairingFailureKind.UnsplittableCount
        : null;

    public static HashSet<(string, string)> BlockedPairs(PairingRequest request)
    {
        var inRound = request.Members.Select(m => m.Id.Value).ToHashSet();
        return request.Members
            .SelectMany(m => m.Blocked.Where(b => inRound.Contains(b.Value) && b != m.Id).Select(b => Pair(m.Id.Value, b.Value)))
            .ToHashSet();
    }

    /// <summary>The most members any one member is kept apart from by blocks.</summary>
    public static int MaxBlockDegree(PairingRequest request)
    {
        var pairs = BlockedPairs(request);
        return request.Members.Count == 0
            ? 0
            : request.Members.Max(m => pairs.Count(p => p.Item1 == m.Id.Value || p.Item2 == m.Id.Value));
    }

    public static void AssertHolds(PairingRequest request, PairingResult result)
    {
        var (count, size) = (request.Members.Count, request.GroupSize);
        var placed = result.Groups.SelectMany(g => g).Select(id => id.Value).ToList();
        Assert.Equal(request.Members.Select(m => m.Id.Value).Order(), placed.Order());
        Assert.Equal(count / size, result.Groups.Count);
        Assert.All(result.Groups, g => Assert.InRange(g.Count, size, size + 1));
        Assert.Equal(count % size, result.Groups.Count(g => g.Count == size + 1));
        Assert.Equal(request.Seed, result.Seed);

        var blocked = BlockedPairs(request);
        var pairs = WithinGroupPairs(result).ToList();
        Assert.DoesNotContain(pairs, blocked.Contains);
        Assert.Equal(ExpectedStats(request, result, pairs), result.Stats);
    }

    public static IEnumerable<(string, string)> WithinGroupPairs(PairingResult result) =>
        from g in result.Groups
        from a in g
        from b in g
        where string.CompareOrdinal(a.Value, b.Value) < 0
        select (a.Value, b.Value);

    private static PairingStats ExpectedStats(PairingRequest request, PairingResult result, List<(string, string)> pairs)
    {
        var byId = request.Members.ToDictionary(m => m.Id.Value);
        var rounds = request.History.Select(round => round.Groups
                .SelectMany(g => from a in g from b in g where a != b select Pair(a.Value, b.Value))
                .ToHashSet())
            .ToList();
        var recent = rounds.Skip(Math.Max(0, rounds.Count - request.CooldownRounds)).ToList();
        bool Differ((string A, string B) p) =>
            Known(byId[p.A].Industry) is { } x && Known(byId[p.B].Industry) is { } y
            && !string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
        bool Share((string A, string B) p) =>
            byId[p.A].Interests.Select(Known).OfType<string>()
                .Intersect(byId[p.B].Interests.Select(Known).OfType<string>(), StringComparer.OrdinalIgnoreCase)
                .Any();
        double ShareOf(Func<(string, string), bool> test) => pairs.Count == 0 ? 0 : (double)pairs.Count(test) / pairs.Count;
        bool Meets(IReadOnlyList<string> offers, IReadOnlyList<string> seeks) =>
            offers.Select(Known).OfType<string>().Intersect(seeks.Select(Known).OfType<string>(), StringComparer.OrdinalIgnoreCase).Any();
        bool SameIndustry((string A, string B) p) =>
            Known(byId[p.A].Industry) is { } x && string.Equals(x, Known(byId[p.B].Industry), StringComparison.OrdinalIgnoreCase);
        var banned = request.SameIndustryBan && request.Mode == PairingMode.CrossIndustry;
        var overlaps = pairs
            .Select(p => (A: UtcOffset(byId[p.Item1].TimeZone, request.ReferenceTime), B: UtcOffset(byId[p.Item2].TimeZone, request.ReferenceTime)))
            .Where(o => o.A is not null && o.B is not null)
            .Select(o => WorkingHoursOverlapMinutes(o.A!.Value, o.B!.Value))
            .ToList();

        return new PairingStats(
            Members: request.Members.Count,
            Groups: result.Groups.Count,
            LargerGroups: result.Groups.Count(g => g.Count > request.GroupSize),
            RepeatPairs: pairs.Count(p => rounds.Any(r => r.Contains(p))),
            CooldownViolations: pairs.Count(p => recent.Any(r => r.Contains(p))),
            CrossIndustryShare: ShareOf(Differ),
            SharedInterestShare: ShareOf(Share))
        {
            OfferSeekMatches = pairs.Count(p => Meets(byId[p.Item1].Offers, byId[p.Item2].Seeks) || Meets(byId[p.Item2].Offers, byId[p.Item1].Seeks)),
            SameIndustryBanRelaxations = banned ? pairs.Count(SameIndustry) : 0,
            MeanWorkingHoursOverlap = overlaps.Count == 0 ? null : overlaps.Sum() / (60.0 * overlaps.Count),
        };
    }

    /// <summary>The zone's offset from the host's time zone data (the engine uses NodaTime's): two sources, one answer.</summary>
    private static TimeSpan? UtcOffset(string? zone, DateTimeOffset at) =>
        Known(zone) is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var info) ? info.GetUtcOffset(at) : null;

    /// <summary>Minutes shared by two 09:00–18:00 days, walked minute by minute over two days of UTC.</summary>
    private static int WorkingHoursOverlapMinutes(TimeSpan first, TimeSpan second)
    {
        bool Working(int utcMinute, TimeSpan offset) =>
            (((utcMinute + (int)offset.TotalMinutes) % 1440) + 1440) % 1440 is >= 9 * 60 and < 18 * 60;
        return Enumerable.Range(0, 1440).Count(minute => Working(minute, first) && Working(minute, second));
    }

    private static string? Known(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
