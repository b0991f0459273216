using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    /// <summary>
    /// Counted on the writer thread: the rounds oldest first (by the <c>community_id</c> index), each round's groups (by the
    /// <c>round_id</c> index) with their members and answers (by key prefix), the community's connections and members (by
    /// their <c>community_id</c> indexes), so only each member's counts leave the database, not the rounds' records.
    /// </summary>
    public Task<IReadOnlyList<MemberActivity>> ListMemberActivityAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<MemberActivity>>(
            db =>
            {
                var last = new Dictionary<string, (string Round, DateTimeOffset StartedAt)>(StringComparer.Ordinal);
                var rounds = new Dictionary<string, int>(StringComparer.Ordinal);
                var answers = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var round in NewestFirst(InCommunity(db, LiteDbCollections.Rounds, community)).Reverse())
                {
                    var id = round.GetRequiredText("round_id");
                    var startedAt = round.GetInstant("started_at");
                    var grouped = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var group in GroupsOf(db, community.Value, id).Select(g => g.GetRequiredText("group_id")))
                    {
                        grouped.UnionWith(WithKeyPrefix(db, LiteDbCollections.GroupMembers, community.Value, group).Select(m => m.GetRequiredText("member_id")));
                        foreach (var answer in WithKeyPrefix(db, LiteDbCollections.GroupAnswers, community.Value, group))
                        {
                            Increment(answers, answer.GetRequiredText("member_id"));
                        }
                    }

                    foreach (var member in grouped)
                    {
                        last[member] = (id, startedAt);
                        Increment(rounds, member);
                    }
                }

                var connections = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var connection in InCommunity(db, LiteDbCollections.Connections, community))
                {
                    Increment(connections, connection.GetRequiredText("member_a"));
                    Increment(connections, connection.GetRequiredText("member_b"));
                }

                return [.. InCommunity(db, LiteDbCollections.Members, community)
                    .Select(d => d.GetRequiredText("member_id"))
                    .Order(StringComparer.Ordinal)
                    .Select(m => new MemberActivity(
                        new MemberId(m),
                        last.TryGetValue(m, out var l) ? new RoundId(l.Round) : null,
                        last.TryGetValue(m, out var s) ? s.StartedAt : null,
                        rounds.GetValueOrDefault(m),
                        answers.GetValueOrDefault(m),
                        connections.GetValueOrDefault(m)))];
            },
            ct);

    private static void Increment(Dictionary<string, int> counts, string member) => counts[member] = counts.GetValueOrDefault(member) + 1;
}
