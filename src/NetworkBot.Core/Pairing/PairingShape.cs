using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Pairing;

/// <summary>
/// The checks that need no search: a well-formed request, and a member count that splits into
/// ⌊N/size⌋ groups with N mod size of them one larger.
/// </summary>
internal static class PairingShape
{
    public const int MinGroupSize = 2;
    public const int MaxGroupSize = 8;

    public static bool CanSplit(int memberCount, int groupSize) =>
        memberCount >= groupSize && memberCount % groupSize <= memberCount / groupSize;

    /// <summary>Cuts a line of members into ⌊N/size⌋ groups, the first N mod size of them one larger.</summary>
    public static int[][] Cut(int[] line, int groupSize)
    {
        var groupCount = line.Length / groupSize;
        var larger = line.Length % groupSize;
        var groups = new int[groupCount][];
        var next = 0;
        for (var g = 0; g < groupCount; g++)
        {
            var size = g < larger ? groupSize + 1 : groupSize;
            groups[g] = line[next..(next + size)];
            next += size;
        }

        return groups;
    }

    /// <summary>The first reason the request cannot be paired whatever the blocks, or null.</summary>
    public static PairingOutcome.Failure? FindProblem(PairingRequest request)
    {
        if (request.CooldownRounds < 0)
        {
            return Fail(PairingFailureKind.InvalidInput, $"Cooldown rounds must be zero or more, not {request.CooldownRounds}.");
        }

        var seen = new HashSet<MemberId>();
        for (var i = 0; i < request.Members.Count; i++)
        {
            var id = request.Members[i].Id;
            if (string.IsNullOrWhiteSpace(id.Value))
            {
                return Fail(PairingFailureKind.InvalidInput, $"The member at position {i + 1} has an empty id.");
            }

            if (!seen.Add(id))
            {
                return Fail(PairingFailureKind.InvalidInput, $"Member id '{id}' appears more than once in the round.");
            }
        }

        var (count, size) = (request.Members.Count, request.GroupSize);
        if (size is < MinGroupSize or > MaxGroupSize)
        {
            return Fail(
                PairingFailureKind.GroupSizeOutOfRange,
                $"Group size must be between {MinGroupSize} and {MaxGroupSize}, not {size}.");
        }

        if (count < size)
        {
            return Fail(
                PairingFailureKind.TooFewMembers,
                $"Groups of {size} need at least {size} members, but the round has {count}{SuggestSizes(count)}.");
        }

        if (!CanSplit(count, size))
        {
            var groups = count / size;
            return Fail(
                PairingFailureKind.UnsplittableCount,
                $"{count} members cannot be split into groups of {size}: {groups} group(s) can take at most " +
                $"{groups} extra member(s), but {count % size} are left over{SuggestSizes(count)}.");
        }

        return null;
    }

    private static string SuggestSizes(int count)
    {
        var sizes = Enumerable.Range(MinGroupSize, MaxGroupSize - MinGroupSize + 1)
            .Where(size => CanSplit(count, size))
            .ToArray();
        return sizes.Length == 0 ? string.Empty : $"; group sizes that work for {count} are {string.Join(", ", sizes)}";
    }

    private static PairingOutcome.Failure Fail(PairingFailureKind kind, string message) => new(kind, message);
}
