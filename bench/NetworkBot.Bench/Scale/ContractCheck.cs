using System.Text.Json;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Bench.Scale;

/// <summary>
/// Checks a <c>networkbot pair</c> output against DESIGN.md's contract for its request: everyone exactly once,
/// ⌊N/size⌋ groups of which N mod size have one extra member, no blocked pair together.
/// </summary>
internal static class ContractCheck
{
    /// <summary>The groups of the output and every way it breaks the contract (empty when it holds).</summary>
    public static (string[][] Groups, List<string> Problems) Verify(PairingRequest request, string outputJson)
    {
        var groups = ReadGroups(outputJson);
        return (groups, Problems(request, groups));
    }

    public static List<string> Problems(PairingRequest request, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var problems = new List<string>();
        var (count, size) = (request.Members.Count, request.GroupSize);
        if (groups.Count != count / size)
        {
            problems.Add($"{groups.Count} groups instead of {count / size}");
        }

        var larger = groups.Count(group => group.Count == size + 1);
        if (larger != count % size || groups.Any(group => group.Count < size || group.Count > size + 1))
        {
            problems.Add($"group sizes wrong: {larger} larger groups instead of {count % size}, or a group outside {size}..{size + 1}");
        }

        var groupOf = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var id in groups[g])
            {
                if (!groupOf.TryAdd(id, g))
                {
                    problems.Add($"'{id}' appears more than once");
                }
            }
        }

        var memberIds = request.Members.Select(member => member.Id.Value).ToHashSet(StringComparer.Ordinal);
        var missing = memberIds.Count(id => !groupOf.ContainsKey(id));
        if (missing > 0)
        {
            problems.Add($"{missing} member(s) left out");
        }

        var strangers = groupOf.Keys.Count(id => !memberIds.Contains(id));
        if (strangers > 0)
        {
            problems.Add($"{strangers} id(s) in the output are not members of the round");
        }

        foreach (var member in request.Members)
        {
            foreach (var blocked in member.Blocked)
            {
                if (blocked != member.Id && groupOf.TryGetValue(member.Id.Value, out var mine)
                    && groupOf.TryGetValue(blocked.Value, out var theirs) && mine == theirs)
                {
                    problems.Add($"blocked pair '{member.Id}' and '{blocked}' share a group");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Checks the checker: two corrupted copies of a good output (a member listed twice and another left out; a
    /// blocked pair moved into one group) must both be refused. Returns what went wrong, or null.
    /// </summary>
    public static string? RefusesCorruptedCopies(PairingRequest request, string[][] groups)
    {
        var duplicated = groups.Select(group => (IReadOnlyList<string>)group.ToArray()).ToArray();
        ((string[])duplicated[0])[0] = groups[1][0];
        if (Problems(request, duplicated).Count == 0)
        {
            return "a member listed twice went unnoticed";
        }

        var blocker = request.Members.FirstOrDefault(member => member.Blocked.Count > 0);
        if (blocker is null)
        {
            return null;
        }

        var groupOf = groups.SelectMany((group, index) => group.Select(id => (id, index))).ToDictionary(e => e.id, e => e.index);
        var (mine, theirs) = (groupOf[blocker.Id.Value], groupOf[blocker.Blocked[0].Value]);
        if (mine == theirs)
        {
            return "the good output already holds a blocked pair";
        }

        // Swap the blocked member with a mate of the blocker, so sizes and coverage stay right and only the block breaks.
        var together = groups.Select(group => group.ToArray()).ToArray();
        var mate = Array.FindIndex(together[mine], id => id != blocker.Id.Value);
        var blocked = Array.IndexOf(together[theirs], blocker.Blocked[0].Value);
        (together[mine][mate], together[theirs][blocked]) = (together[theirs][blocked], together[mine][mate]);
        return Problems(request, together).Count == 0 ? "a blocked pair in one group went unnoticed" : null;
    }

    public static string[][] ReadGroups(string outputJson)
    {
        using var document = JsonDocument.Parse(outputJson);
        return document.RootElement.GetProperty("groups").EnumerateArray()
            .Select(group => group.EnumerateArray().Select(id => id.GetString()!).ToArray())
            .ToArray();
    }

    /// <summary>The engine's own stats from the output, as written (numbers keep their JSON text).</summary>
    public static Dictionary<string, string> ReadStats(string outputJson)
    {
        using var document = JsonDocument.Parse(outputJson);
        return document.RootElement.GetProperty("stats").EnumerateObject()
            .ToDictionary(property => property.Name, property => property.Value.GetRawText(), StringComparer.Ordinal);
    }
}
