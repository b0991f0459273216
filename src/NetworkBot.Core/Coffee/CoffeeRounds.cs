using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;
using NodaTime;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// Works out and runs one coffee round for a community: everyone joined and not paused or skipping, grouped by
/// the pairing engine with the community's recent rounds as history. The round and one introduction per group
/// are stored together, so the groups are announced exactly once.
/// </summary>
public sealed class CoffeeRounds(
    ICommunityStore communityStore, IMemberStore memberStore, ICoffeeStore coffeeStore, IInterestStore interestStore,
    PairingEngine engine, GroupIntroduction introduction, TimeProvider time, ILogger<CoffeeRounds> logger)
{
    /// <summary>How many past rounds the engine sees (half a year of weekly rounds).</summary>
    public const int HistoryRounds = 26;

    /// <summary>How long a round without a schedule (run-now, the demo) lasts.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(7);

    /// <summary>Groups the available members without storing anything.</summary>
    public async Task<RoundPlan> PlanAsync(CommunityId communityId, RoundSettings settings, long seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var community = await communityStore.GetCommunityAsync(communityId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Community {communityId} does not exist.");
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(community.Settings.TimeZone) ?? DateTimeZone.Utc;
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(zone).Date.ToDateOnly();
        var members = (await memberStore.ListMembersAsync(communityId, ct).ConfigureAwait(false))
            .Where(m => m.Coffee.IsAvailableOn(today))
            .ToDictionary(m => m.Id);
        var request = await RequestForAsync(communityId, community.Settings.TimeZone, members.Values, settings, seed, ct).ConfigureAwait(false);
        var started = time.GetTimestamp();
        var outcome = engine.Match(request);
        return new RoundPlan(community, members, outcome, time.GetElapsedTime(started));
    }

    /// <summary>
    /// Groups the given members (an event's attendees) by the same engine and history as a round, storing nothing:
    /// the groups are not a round, so no coffee enrolment, skip or cooldown is touched.
    /// </summary>
    public async Task<PairingOutcome> GroupAsync(Community community, IReadOnlyList<Member> members, RoundSettings settings, long seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(settings);
        return engine.Match(await RequestForAsync(community.Id, community.Settings.TimeZone, members, settings, seed, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs a round: plans it, then stores it with its group introductions. <paramref name="roundId"/> lets the
    /// scheduler give an occurrence a fixed id, so a round interrupted by a crash is never run twice, and
    /// <paramref name="schedule"/> (the schedule with the occurrence marked handled) is stored with the round. Throws
    /// <see cref="Storage.StaleWriteException"/>, storing nothing, when a grouped member or the schedule changed while
    /// the round was worked out.
    /// </summary>
    public async Task<RoundOutcome> RunAsync(
        CommunityId communityId, RoundSettings settings, long seed, CancellationToken ct, RoundId? roundId = null, DateTimeOffset? endsAt = null, CoffeeSchedule? schedule = null)
    {
        var plan = await PlanAsync(communityId, settings, seed, ct).ConfigureAwait(false);
        if (plan.Outcome is PairingOutcome.Failure failure)
        {
            return RoundOutcome.From(failure, plan.Members.Count, settings.GroupSize);
        }

        var result = ((PairingOutcome.Success)plan.Outcome).Result;
        var now = time.GetUtcNow();
        var round = new Round(communityId, roundId ?? RoundId.New(), now, settings.GroupSize, settings.Mode, seed) { EndsAt = endsAt };
        var groups = result.Groups.Select(g => new Group(round.Id, GroupId.New(), g, MeetingOutcome.Unknown)).ToList();
        var channel = settings.Channel ?? plan.Community.Settings.CoffeeChannel;
        var until = endsAt ?? now + DefaultLength;
        var messages = groups
            .Select(g => OutboxMessage.Create(
                communityId,
                $"round:{round.Id}:group:{g.Id}",
                MessageTarget.ToGroup(channel, g.Members),
                introduction.Compose(g.Members.Select(id => plan.Members[id]).ToList(), plan.Community, g.Id, now, until),
                now))
            .ToList();
        var record = new RoundRecord(round, groups);
        await coffeeStore.SaveRoundAsync(record, new RoundBasis([.. plan.Members.Values], schedule), messages, ct).ConfigureAwait(false);
        RoundLog.Started(logger, round.Id.Value, communityId.Value, result.Stats.Members, result.Stats.Groups, seed);
        return new RoundOutcome.Started(record, result.Stats, plan.Elapsed);
    }

    /// <summary>
    /// "Pair me with attendees I didn't meet" (after an event): the wisher seeks, and the wished-for offers, a tag only
    /// the two share, so the engine's offer-meets-seek preference favours the pair without overruling new faces or cooldowns.
    /// </summary>
    private static string WishTag(MemberId member, MemberId other) => $"event-wish:{member}>{other}";

    private async Task<PairingRequest> RequestForAsync(CommunityId community, string communityZone, IEnumerable<Member> members, RoundSettings settings, long seed, CancellationToken ct)
    {
        var blocks = (await coffeeStore.ListBlocksAsync(community, ct).ConfigureAwait(false)).ToLookup(b => b.Blocker, b => b.Blocked);
        var groupInterests = await interestStore.ListInterestGroupNamesByMemberAsync(community, ct).ConfigureAwait(false);
        var history = await coffeeStore.ListRoundsAsync(community, HistoryRounds, ct).ConfigureAwait(false);
        var wishes = await coffeeStore.ListPairWishesAsync(community, ct).ConfigureAwait(false);
        var wished = wishes.Select(w => (w.Member, Tag: WishTag(w.Member, w.Other))).ToLookup(w => w.Member, w => w.Tag);
        var wishedBy = wishes.Select(w => (w.Other, Tag: WishTag(w.Member, w.Other))).ToLookup(w => w.Other, w => w.Tag);
        var pairingMembers = members
            .Select(m => new PairingMember(
                m.Id,
                m.Profile.Industry,
                m.Profile.Interests.Concat(groupInterests.GetValueOrDefault(m.Id) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                m.Profile.TimeZone ?? communityZone,
                blocks[m.Id].ToList())
            {
                Offers = [.. m.Profile.Offers, .. wishedBy[m.Id]],
                Seeks = [.. m.Profile.Seeks, .. wished[m.Id]],
            })
            .ToList();
        var pastRounds = history.Select(r => new PairingHistoryRound(r.Groups.Select(g => g.Members).ToList())).ToList();
        return new PairingRequest(settings.GroupSize, seed, settings.Mode, settings.CooldownRounds, pairingMembers, pastRounds)
        {
            ReferenceTime = time.GetUtcNow(),
        };
    }
}
