using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// Someone who joins while a round is running should not wait a week: they are added to the group of the
/// open round that suits them best (no blocks, fewest past meetings, smallest group), until check-in starts.
/// </summary>
public sealed class LateJoiners(ICoffeeStore store, TimeProvider time)
{
    /// <summary>The group the member was added to, or null when no open round takes late joiners.</summary>
    public async Task<Group?> PlaceAsync(Community community, Member member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(member);
        var now = time.GetUtcNow();
        var open = (await store.ListOpenRoundsAsync(community.Id, ct).ConfigureAwait(false))
            .LastOrDefault(r => r.Round.CheckInAt is null && now < r.Round.EndsAt);
        if (open is null || open.Groups.Any(g => g.Members.Contains(member.Id)))
        {
            return null;
        }

        var blocks = await store.ListBlocksAsync(community.Id, ct).ConfigureAwait(false);
        var met = (await store.ListMemberRoundsAsync(community.Id, member.Id, CoffeeRounds.HistoryRounds, ct).ConfigureAwait(false))
            .SelectMany(r => r.Groups.SelectMany(g => g.Members))
            .ToList();
        var best = open.Groups
            .Where(g => !g.Members.Any(other => blocks.Contains(new Block(member.Id, other)) || blocks.Contains(new Block(other, member.Id))))
            .OrderBy(g => g.Members.Sum(other => met.Count(m => m == other)))
            .ThenBy(g => g.Members.Count)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var language = community.Settings.Language;
        var reply = new Reply(CoffeeTexts.RoundLateJoiner.Format(language, member.DisplayName)) { Fields = [GroupIntroduction.Introduce(member, language)] };
        var message = OutboxMessage.Create(community.Id, $"round:{open.Round.Id}:late:{member.Id}", MessageTarget.ToGroup(null, [.. best.Members, member.Id]), reply, now);
        await store.AddGroupMemberAsync(community.Id, best.Id, member.Id, [message], ct).ConfigureAwait(false);
        return best;
    }
}
