namespace NetworkBot.Core.Pairing;

/// <summary>
/// Keeps a long rotation from painting itself into a corner. Late in a cycle the pairs nobody has used yet form
/// a sparse graph, and a round that is best on its own can leave the rest of that graph with no way to pair
/// everybody (an odd cycle is enough), which forces repeats later. When fresh partners run low, this checks that
/// the chosen round leaves a few more repeat-free rounds possible, and otherwise picks a near-best round that does.
/// </summary>
/// <remarks>
/// A general strategy, not a schedule: it reads only the history it is given, and for large or dense rounds it
/// costs nothing because a dense fresh graph always leaves room (Dirac's theorem).
/// </remarks>
internal sealed class RotationLookahead(PairingProblem problem, SeededRandom random)
{
    private const int MaxMembers = 400;

    /// <summary>Looking ahead starts when some member has this many fresh partners or fewer.</summary>
    private const int LowFreshPartners = 8;

    private const int MaxDepth = 3;
    private const int AttemptsPerRound = 4;
    private const int Alternatives = 16;

    /// <summary>Noise per pair for alternatives, grown per try; a small share of the mode's unit.</summary>
    private const long NoiseStep = PairWeights.ModeMatch / 4;

    public int[] Refine(ExactPairing pairing, int[] mate)
    {
        var count = problem.Count;
        var lowest = Enumerable.Range(0, count).Min(problem.FreshPartners);
        if (count > MaxMembers || count % 2 == 1 || lowest > LowFreshPartners || !AllFresh(mate))
        {
            return mate;
        }

        var fresh = pairing.FreshEdges.Select(edge => edge with { Weight = 0 }).ToArray();
        var depth = Math.Min(MaxDepth, lowest - 1);
        if (LeavesRoom(fresh, mate, depth))
        {
            return mate;
        }

        for (var attempt = 1; attempt <= Alternatives; attempt++)
        {
            if (pairing.Match(random, NoiseStep * attempt) is { } alternative && AllFresh(alternative)
                && LeavesRoom(fresh, alternative, depth))
            {
                return alternative;
            }
        }

        return mate;
    }

    private bool AllFresh(int[] mate) =>
        mate.Select((partner, member) => partner < 0 || !problem.HaveMet(member, partner)).All(fresh => fresh);

    /// <summary>Whether the fresh pairs minus this round still allow <paramref name="depth"/> more rounds of fresh pairs.</summary>
    private bool LeavesRoom(WeightedEdge[] fresh, int[] mate, int depth)
    {
        var rest = fresh.Where(edge => mate[edge.First] != edge.Second).ToArray();
        if (depth <= 0)
        {
            return true;
        }

        for (var attempt = 0; attempt < AttemptsPerRound; attempt++)
        {
            // Random weights pick a random perfect matching of the fresh pairs, if there is one at all.
            var shuffled = rest.Select(edge => edge with { Weight = random.Next(1_000) }).ToArray();
            if (MaximumWeightMatching.SolvePerfect(problem.Count, shuffled) is not { } next)
            {
                return false;
            }

            if (LeavesRoom(rest, next, depth - 1))
            {
                return true;
            }
        }

        return false;
    }
}
