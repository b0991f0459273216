using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// Splits the members of a round into groups: nobody left out, no blocked pair together, recent partners
/// kept apart where possible, then the mode's preference. Pure and deterministic: the same request and seed
/// always give the same groups, so a logged seed reproduces a round.
/// </summary>
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

        var groups = new GroupingSearch(problem, new SeededRandom(request.Seed)).FindBest(request.GroupSize);
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
