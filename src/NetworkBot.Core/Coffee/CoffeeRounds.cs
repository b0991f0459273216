using NetworkBot.Core.Commands.Intro;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Texts;
using NodaTime;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// Runs one coffee round for a community: everyone joined and not paused or skipping, grouped by the pairing
/// engine with the community's recent rounds as history; the round and one message per group are stored
/// together, so the groups are announced exactly once.
/// </summary>
public sealed class CoffeeRounds(IStore store, PairingEngine engine, TimeProvider time)
{
    /// <summary>How many past rounds the engine sees (half a year of weekly rounds).</summary>
    public const int HistoryRounds = 26;

    public async Task<RoundOutcome> RunAsync(CommunityId communityId, RoundSettings settings, long seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var community = await store.GetCommunityAsync(communityId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Community {communityId} does not exist.");
        var now = time.GetUtcNow();
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(community.Settings.TimeZone) ?? DateTimeZone.Utc;
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date.ToDateOnly();

        var members = (await store.ListMembersAsync(communityId, ct).ConfigureAwait(false))
            .Where(m => m.Coffee.IsAvailableOn(today))
            .ToList();
        var request = await RequestForAsync(communityId, members, settings, seed, ct).ConfigureAwait(false);

        var started = time.GetTimestamp();
        var outcome = engine.Match(request);
        var elapsed = time.GetElapsedTime(started);
        if (outcome is PairingOutcome.Failure failure)
        {
            return new RoundOutcome.NotPossible(failure.Kind, failure.Message);
        }

        var result = ((PairingOutcome.Success)outcome).Result;
        var round = new Round(communityId, RoundId.New(), now, settings.GroupSize, settings.Mode, seed);
        var groups = result.Groups.Select(g => new Group(round.Id, GroupId.New(), g, MeetingOutcome.Unknown)).ToList();
        var byId = members.ToDictionary(m => m.Id);
        var messages = groups
            .Select(g => OutboxMessage.Create(
                communityId,
                $"round:{round.Id}:group:{g.Id}",
                MessageTarget.ToGroup(community.Settings.CoffeeChannel, g.Members),
                GroupMessage(g.Members.Select(id => byId[id]).ToList(), community.Settings.Language),
                now))
            .ToList();
        var record = new RoundRecord(round, groups);
        await store.SaveRoundAsync(record, messages, ct).ConfigureAwait(false);
        return new RoundOutcome.Started(record, result.Stats, elapsed);
    }

    private async Task<PairingRequest> RequestForAsync(CommunityId community, List<Member> members, RoundSettings settings, long seed, CancellationToken ct)
    {
        var blocks = (await store.ListBlocksAsync(community, ct).ConfigureAwait(false)).ToLookup(b => b.Blocker, b => b.Blocked);
        var groupInterests = await store.ListInterestGroupNamesByMemberAsync(community, ct).ConfigureAwait(false);
        var history = await store.ListRoundsAsync(community, HistoryRounds, ct).ConfigureAwait(false);
        var pairingMembers = members
            .Select(m => new PairingMember(
                m.Id,
                m.Profile.Industry,
                m.Profile.Interests.Concat(groupInterests.GetValueOrDefault(m.Id) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                m.Profile.TimeZone,
                blocks[m.Id].ToList()))
            .ToList();
        var pastRounds = history.Select(r => new PairingHistoryRound(r.Groups.Select(g => g.Members).ToList())).ToList();
        return new PairingRequest(settings.GroupSize, seed, settings.Mode, settings.CooldownRounds, pairingMembers, pastRounds);
    }

    /// <summary>The message a new group gets: who is in it and each member's introduction.</summary>
    private static Reply GroupMessage(IReadOnlyList<Member> members, Language language)
    {
        var fields = members.Select(m =>
        {
            var card = ProfileCard.For(m, language);
            var about = string.Join('\n', new[] { card.Text }.Concat(card.Fields.Select(f => $"{f.Name}: {f.Value}")).Where(s => s.Length > 0));
            return new ReplyField(m.DisplayName, about.Length > 0 ? about : "—");
        }).ToList();
        return new Reply(Messages.RoundGroupIntro.Format(language, string.Join(", ", members.Select(m => m.DisplayName))))
        {
            Title = Messages.RoundGroupTitle.Get(language),
            Fields = fields,
        };
    }
}
