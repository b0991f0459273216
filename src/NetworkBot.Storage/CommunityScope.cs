using NetworkBot.Core.Domain;

namespace NetworkBot.Storage;

/// <summary>
/// The argument check every provider makes before a write that takes values carrying their own community (members, a
/// schedule, connections): a value of one community handed to a write for another is a bug, stopped before anything is
/// written, so no provider can file it under the wrong community.
/// </summary>
internal static class CommunityScope
{
    public static void Require(CommunityId expected, CommunityId actual, string parameter)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected values of community {expected}, got one of {actual}.", parameter);
        }
    }

    public static void RequireAll<T>(CommunityId expected, IEnumerable<T> values, Func<T, CommunityId> community, string parameter)
    {
        foreach (var value in values)
        {
            Require(expected, community(value), parameter);
        }
    }
}
