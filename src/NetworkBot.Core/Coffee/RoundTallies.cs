namespace NetworkBot.Core.Coffee;

/// <summary>
/// Counts a round (<see cref="RoundTally"/>) from its rows, the same way on every provider and for the dashboard's page
/// of one round, which reads that round whole. The databases return a round's group members by index range and the
/// counting happens here, over hash sets: SQLite joins text keys one index probe per row (about a microsecond each), so
/// counting 100,000 group members of 12 rounds against their profiles in SQL took longer than reading them out.
/// </summary>
public static class RoundTallies
{
    /// <param name="round">The round counted.</param>
    /// <param name="groups">How many groups it has.</param>
    /// <param name="metGroups">The ids of its groups that met.</param>
    /// <param name="memberships">Its groups' members, as (group id, member id).</param>
    /// <param name="answered">The distinct members who answered for one of its groups.</param>
    /// <param name="members">The community's members by id.</param>
    public static RoundTally Count(
        Round round,
        int groups,
        IReadOnlySet<string> metGroups,
        IEnumerable<(string Group, string Member)> memberships,
        int answered,
        IReadOnlyDictionary<string, TallyMember> members)
    {
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        var met = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (group, member) in memberships)
        {
            grouped.Add(member);
            if (metGroups.Contains(group))
            {
                if (!met.TryGetValue(group, out var list))
                {
                    met[group] = list = [];
                }

                list.Add(member);
            }
        }

        var pairs = new Dictionary<(string?, string?), int>();
        foreach (var list in met.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var key = (Industry(list[i]), Industry(list[j]));
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                }
            }
        }

        var joined = members.Where(m => m.Value.JoinedAt <= round.StartedAt).ToList();
        var paused = joined.Count(m => m.Value.OptedIn && !grouped.Contains(m.Key));
        return new RoundTally(
            round, groups, metGroups.Count, grouped.Count, met.Values.Sum(l => l.Count), answered, joined.Count, paused,
            [.. pairs.Select(p => new IndustryPairs(p.Key.Item1, p.Key.Item2, p.Value))]);

        string? Industry(string member) => members.TryGetValue(member, out var found) ? found.Industry : null;
    }
}
