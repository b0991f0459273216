using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Splits the members of a round into groups: nobody left out, no blocked pair together, recent partners kept
/// apart unless no grouping can, then the heaviest grouping by <see cref="PairWeights"/>. Pure and deterministic:
/// the same request and seed always give the same groups, so a logged seed reproduces a round.
/// </summary>
/// <remarks>
/// Pairs are matched first: exactly (<see cref="ExactPairing"/>) up to <see cref="ExactPairing.MaxMembers"/>
/// members, by candidates, greed and swaps (<see cref="SparsePairing"/>) beyond. An odd count's extra member joins
/// the pair where they add the most weight. Larger groups start from those pairs and improve by swaps
/// (<see cref="GroupingSearch"/>), which is also the fallback when blocks defeat the matching.
/// </remarks>
public sealed class PairingEngine
{
    public PairingOutcome Match(PairingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PairingShape.FindProblem(request) is { } invalid)
        {
            return invalid;
        }

        var problem = PairingProblem.Build(request);
        if (BlocksRuleOutEveryGrouping(problem, request.GroupSize) is { } reason)
        {
            return new PairingOutcome.Failure(PairingFailureKind.BlocksLeaveNoGrouping, reason);
        }

        var random = new SeededRandom(request.Seed);
        var search = new GroupingSearch(problem, random);
        var pairs = PairEverybody(problem, random);
        var groups = pairs is null ? search.FindBest(request.GroupSize, null)
            : request.GroupSize == 2 ? pairs
            // Pairs laid side by side and cut into the round's shape, so most groups start as good pairs.
            : search.FindBest(request.GroupSize, PairingShape.Cut(pairs.SelectMany(pair => pair).ToArray(), request.GroupSize));
        if (problem.FirstBlockedPair(groups) is var (first, second))
        {
            return new PairingOutcome.Failure(
                PairingFailureKind.BlocksLeaveNoGrouping,
                $"No grouping was found that keeps every blocked pair apart (the closest still put {Name(problem, first)} " +
                $"with {Name(problem, second)}); try another group size or review the blocks.");
        }

        // Present groups in member list order, so the output reads the same whatever order the search ended in.
        foreach (var group in groups)
        {
            Array.Sort(group);
        }

        Array.Sort(groups, (left, right) => left[0].CompareTo(right[0]));
        var result = new PairingResult(
            groups.Select(group => (IReadOnlyList<MemberId>)group.Select(index => problem.Members[index].Id).ToArray())
                .ToArray(),
            request.Seed,
            problem.Measure(groups, request.GroupSize));
        return new PairingOutcome.Success(result);
    }

    /// <summary>The heaviest pairs with an odd count's extra member in a trio, or null when blocks defeat the matching.</summary>
    private static int[][]? PairEverybody(PairingProblem problem, SeededRandom random)
    {
        int[]? mate;
        if (problem.Count <= ExactPairing.MaxMembers)
        {
            var exact = new ExactPairing(problem);
            mate = exact.Match();
            mate = mate is null ? null : new RotationLookahead(problem, random).Refine(exact, mate);
        }
        else
        {
            mate = new SparsePairing(problem, random).Match();
        }

        if (mate is null)
        {
            return null;
        }

        var groups = Enumerable.Range(0, problem.Count)
            .Where(member => mate[member] > member)
            .Select(member => new[] { member, mate[member] })
            .ToArray();
        var leftover = Array.IndexOf(mate, -1);
        if (leftover < 0)
        {
            return groups;
        }

        // The extra member joins the pair they add most to; then the trio may still trade members with any pair.
        var best = groups.Select((pair, index) => (Index: index, Added: AddedWeight(problem, leftover, pair)))
            .Where(option => option.Added > PairWeights.Blocked)
            .DefaultIfEmpty((Index: -1, Added: 0L))
            .MaxBy(option => option.Added);
        if (best.Index < 0)
        {
            return null;
        }

        groups[best.Index] = [.. groups[best.Index], leftover];
        return new GroupingSearch(problem, random).ImproveAround(groups, groups[best.Index]);
    }

    private static long AddedWeight(PairingProblem problem, int member, int[] group) =>
        group.Any(mate => problem.AreBlocked(member, mate))
            ? PairWeights.Blocked
            : group.Sum(mate => problem.Weight(member, mate));

    /// <summary>Explains blocks that make every grouping impossible, before any search is spent on them.</summary>
    private static string? BlocksRuleOutEveryGrouping(PairingProblem problem, int groupSize)
    {
        var others = problem.Count - 1;
        for (var member = 0; member < problem.Count; member++)
        {
            var blocked = problem.BlockDegrees[member];
            if (blocked == others)
            {
                return $"Member {Name(problem, member)} has blocked or been blocked by every other member of the round, " +
                    "so no group can include them.";
            }

            if (others - blocked < groupSize - 1)
            {
                return $"Member {Name(problem, member)} has blocked or been blocked by {blocked} of the other {others} " +
                    $"members, which leaves too few for a group of {groupSize}.";
            }
        }

        if (problem.Count / groupSize == 1 && problem.FirstBlockedPair([Enumerable.Range(0, problem.Count).ToArray()])
            is var (first, second))
        {
            return $"All {problem.Count} members must share one group, but {Name(problem, first)} and " +
                $"{Name(problem, second)} are blocked from each other.";
        }

        return null;
    }

    private static string Name(PairingProblem problem, int member) => $"'{problem.Members[member].Id}'";
}
