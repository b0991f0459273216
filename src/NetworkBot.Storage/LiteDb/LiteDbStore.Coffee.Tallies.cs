using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;

namespace NetworkBot.Storage.LiteDb;

public sealed partial class LiteDbStore
{
    /// <summary>
    /// Counted on the writer thread from the rounds' groups (by the <c>round_id</c> index), their members and answers (by
    /// key prefix) and the community's members (by the <c>community_id</c> index, once), so only counts leave the database.
    /// </summary>
    public Task<IReadOnlyList<RoundTally>> ListRoundTalliesAsync(CommunityId community, int limit, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<RoundTally>>(
            db =>
            {
                var rounds = NewestFirst(InCommunity(db, LiteDbCollections.Rounds, community)).Take(Math.Max(limit, 0)).Reverse().ToList();
                if (rounds.Count == 0)
                {
                    return [];
                }

                var members = InCommunity(db, LiteDbCollections.Members, community).ToDictionary(
                    d => d.GetRequiredText("member_id"),
                    d => new TallyMember(d.GetText("industry"), d["coffee_joined"].AsBoolean, d.GetInstant("joined_at")),
                    StringComparer.Ordinal);
                return [.. rounds.Select(d =>
                {
                    var record = WithGroups(db, d, groups: null);
                    var answered = record.Groups
                        .SelectMany(g => WithKeyPrefix(db, LiteDbCollections.GroupAnswers, community.Value, g.Id.Value))
                        .Select(a => a.GetRequiredText("member_id"))
                        .Distinct(StringComparer.Ordinal)
                        .Count();
                    return RoundTallies.Count(
                        record.Round,
                        record.Groups.Count,
                        record.Groups.Where(g => g.Outcome == MeetingOutcome.Met).Select(g => g.Id.Value).ToHashSet(StringComparer.Ordinal),
                        record.Groups.SelectMany(g => g.Members.Select(m => (g.Id.Value, m.Value))),
                        answered,
                        members);
                })];
            },
            ct);
}
