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
