using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Privacy;
using NodaTime;

namespace NetworkBot.Core.Dashboard;

/// <summary>
/// The managers' dashboard's numbers, read from the store for one community at a time and returned as plain records
/// the pages and exports show as they are. Nothing is cached: a page shows the store as it is when it is asked.
/// </summary>
/// <remarks>
/// The overview must stay fast on a large community (10,000 members, 100 rounds of ~5,000 groups), so the store counts
/// its last <see cref="TrendRounds"/> rounds (<see cref="ICoffeeStore.ListRoundTalliesAsync"/>), as it counts every round for the
/// rounds page, instead of returning their groups; the other pages read what they show.
/// </remarks>
public sealed class DashboardFigures(
    ICommunityStore communities,
    IMemberStore members,
    ICoffeeStore coffee,
    IConnectionStore connections,
    IEventStore events,
    IInterestStore interests,
    IAskStore asks,
    TimeProvider time)
{
    /// <summary>The rounds every trend of the overview spans.</summary>
    public const int TrendRounds = 12;

    /// <summary>The most members the network graph draws; layout and reading both grow fast beyond it.</summary>
    public const int GraphLimit = 300;

    /// <summary>The members whose connections span most that the network page lists as bridges.</summary>
    public const int BridgeCount = 10;

    public async Task<OverviewFigures> OverviewAsync(CommunityId community, CancellationToken ct)
    {
        // The store counts the rounds' groups, answers and pairs and the members, so no read returns a row per member.
        var today = await TodayAsync(community, ct).ConfigureAwait(false);
        var counts = await members.CountMembersAsync(community, today, ct).ConfigureAwait(false);
        var roundCount = await coffee.CountRoundsAsync(community, ct).ConfigureAwait(false);
        var tallies = await coffee.ListRoundTalliesAsync(community, TrendRounds, ct).ConfigureAwait(false);

        // Connections made from each round's start on: the differences are each round's own.
        var since = new int[tallies.Count];
        for (var i = 0; i < tallies.Count; i++)
        {
            since[i] = await connections.CountConnectionsSinceAsync(community, tallies[i].Round.StartedAt, ct).ConfigureAwait(false);
        }

        var metPairs = tallies.Select(t => t.MetPairs.Sum(p => p.Pairs)).ToList();
        var crossPairs = tallies.Select(t => t.MetPairs.Where(p => IsCrossIndustry(p.A, p.B)).Sum(p => p.Pairs)).ToList();

        Figure Trend(double value, Func<int, double> at) =>
            new(value, [.. tallies.Select((t, i) => new TrendPoint(t.Round.StartedAt, at(i)))]);

        var groups = tallies.Sum(t => t.Groups);
        var introductions = await asks.CountAsksAsync(community, DateTimeOffset.UnixEpoch, ct).ConfigureAwait(false);
        return new OverviewFigures(
            tallies.Count,
            Trend(counts.Members, i => tallies[i].Members),
            Trend(counts.OptedIn, i => tallies[i].Matched + tallies[i].Paused),
            Trend(counts.Available, i => tallies[i].Matched),
            Trend(counts.OptedIn - counts.Available, i => tallies[i].Paused),
            Trend(roundCount, i => roundCount - tallies.Count + i + 1),
            Trend(Share(tallies.Sum(t => t.MetGroups), groups), i => Share(tallies[i].MetGroups, tallies[i].Groups)),
            Trend(since.FirstOrDefault(), i => since[i] - (i + 1 < since.Length ? since[i + 1] : 0)),
            Trend(Share(crossPairs.Sum(), metPairs.Sum()), i => Share(crossPairs[i], metPairs[i])),
            introductions);
    }

    /// <summary>Every round's funnel, newest first.</summary>
    public async Task<IReadOnlyList<RoundFigures>> RoundsAsync(CommunityId community, CancellationToken ct) =>
        [.. (await coffee.ListRoundTalliesAsync(community, int.MaxValue, ct).ConfigureAwait(false)).Reverse().Select(Funnel)];

    /// <summary>
    /// One round with its groups and answers; null when the community has no such round. An erased member's place in a
    /// group is named "a former member" in <paramref name="language"/>.
    /// </summary>
    public async Task<RoundDetail?> RoundAsync(CommunityId community, RoundId id, Language language, CancellationToken ct)
    {
        if (await coffee.GetRoundAsync(community, id, ct).ConfigureAwait(false) is not { } round)
        {
            return null;
        }

        var everyone = await members.ListMembersAsync(community, ct).ConfigureAwait(false);
        var answers = await coffee.ListAnswersAsync(community, id, ct).ConfigureAwait(false);
        var byId = everyone.ToDictionary(m => m.Id);
        var given = answers.ToDictionary(a => (a.Group, a.Member));
        var groups = round.Groups.Select(g => new GroupDetail(
            g.Id,
            [.. g.Members.Select(m =>
            {
                var answer = given.GetValueOrDefault((g.Id, m));
                var member = byId.GetValueOrDefault(m);
                return new GroupMemberAnswer(m, MemberLookup.NameOf(m, member?.DisplayName, language), member?.Profile.Industry, answer?.Answer, answer?.AnsweredAt);
            })],
            g.Outcome));
        return new RoundDetail(Funnel(Tally(round, everyone, answers)), [.. groups]);
    }

    /// <summary>
    /// The members table, by name; with <paramref name="query"/>, only members whose display name or industry contains
    /// it (ignoring case), so a manager finds someone by either.
    /// </summary>
    public async Task<IReadOnlyList<MemberFigures>> MembersAsync(CommunityId community, string? query, CancellationToken ct)
    {
        var rows = await MemberRowsAsync(community, ct).ConfigureAwait(false);
        var wanted = query?.Trim();
        return string.IsNullOrEmpty(wanted)
            ? rows
            : [.. rows.Where(r => r.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || (r.Industry?.Contains(wanted, StringComparison.OrdinalIgnoreCase) ?? false))];
    }

    /// <summary>
    /// The connections graph. The placeholder an erased member left in others' connections is drawn as "a former member"
    /// in <paramref name="language"/>, so the others' connections stay as they were, but never listed as a bridge.
    /// </summary>
    public async Task<NetworkFigures> NetworkAsync(CommunityId community, Language language, CancellationToken ct)
    {
        var rows = await MemberRowsAsync(community, ct).ConfigureAwait(false);
        var all = await connections.ListCommunityConnectionsAsync(community, ct).ConfigureAwait(false);
        var groupsOf = await interests.ListInterestGroupNamesByMemberAsync(community, ct).ConfigureAwait(false);
        var byId = rows.ToDictionary(r => r.Id);
        var neighbours = new Dictionary<MemberId, List<MemberId>>();
        foreach (var c in all)
        {
            Neighbours(neighbours, c.A).Add(c.B);
            Neighbours(neighbours, c.B).Add(c.A);
        }

        var components = Components(neighbours);
        var clusters = components
            .Select((component, i) => new NetworkCluster(
                i + 1,
                component.Count,
                [.. component
                    .Select(m => byId.GetValueOrDefault(m)?.Industry)
                    .OfType<string>()
                    .GroupBy(IndustryKey)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Take(3)
                    .Select(g => g.First())]))
            .ToList();
        var clusterOf = components
            .SelectMany((component, i) => component.Select(m => (m, Number: i + 1)))
            .ToDictionary(x => x.m, x => x.Number);

        string Name(MemberId id) => MemberLookup.NameOf(id, byId.GetValueOrDefault(id)?.Name, language);
        var bridges = neighbours
            .Where(n => !ErasedMember.Is(n.Key))
            .Select(n => new BridgeMember(
                n.Key,
                Name(n.Key),
                n.Value.Select(o => byId.GetValueOrDefault(o)?.Industry).OfType<string>().Select(IndustryKey).Distinct(StringComparer.Ordinal).Count(),
                n.Value.SelectMany(o => groupsOf.GetValueOrDefault(o) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                n.Value.Count))
            .Where(b => b.Industries + b.InterestGroups > 0)
            .OrderByDescending(b => b.Industries + b.InterestGroups).ThenByDescending(b => b.Connections).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Take(BridgeCount)
            .ToList();

        var shown = neighbours
            .OrderByDescending(n => n.Value.Count).ThenBy(n => n.Key.Value, StringComparer.Ordinal)
            .Take(GraphLimit)
            .Select(n => new NetworkNode(n.Key, Name(n.Key), byId.GetValueOrDefault(n.Key)?.Industry, n.Value.Count, clusterOf[n.Key]))
            .ToList();
        var drawn = shown.Select(n => n.Id).ToHashSet();
        var notMet = rows.Where(r => r.Connections == 0).OrderBy(r => r.JoinedAt).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new NetworkFigures(
            neighbours.Count, all.Count, shown, [.. all.Where(c => drawn.Contains(c.A) && drawn.Contains(c.B))], bridges, clusters, notMet);
    }

    /// <summary>Every event of the community (finished and cancelled ones too), soonest first.</summary>
    public async Task<IReadOnlyList<EventFigures>> EventsAsync(CommunityId community, CancellationToken ct)
    {
        var list = await events.ListCalendarEventsAsync(community, DateTimeOffset.UnixEpoch, ct).ConfigureAwait(false);
        var attendance = (await events.ListAttendanceAsync(community, ct).ConfigureAwait(false)).ToLookup(a => a.Event);
        var connects = (await events.ListEventConnectsAsync(community, ct).ConfigureAwait(false)).ToLookup(c => c.Event);
        var figures = new List<EventFigures>(list.Count);
        foreach (var ev in list)
        {
            var rsvps = await events.ListRsvpsAsync(community, ev.Id, ct).ConfigureAwait(false);
            int Count(RsvpStatus status) => rsvps.Count(r => r.Status == status);
            var pressed = connects[ev.Id].Select(c => (c.From, c.To)).ToHashSet();
            figures.Add(new EventFigures(
                ev.Id, ev.Title, ev.Start, ev.Capacity, ev.Cancelled, ev.Finished,
                Count(RsvpStatus.Going), Count(RsvpStatus.Maybe), Count(RsvpStatus.NotGoing), Count(RsvpStatus.Waitlisted),
                [.. attendance[ev.Id].GroupBy(a => a.Occurrence).OrderBy(g => g.Key).Select(g => new OccurrenceAttendance(g.Key, g.Select(a => a.Member).Distinct().Count()))],
                pressed.Count(p => string.CompareOrdinal(p.From.Value, p.To.Value) < 0 && pressed.Contains((p.To, p.From)))));
        }

        return figures;
    }

    /// <summary>The open interest groups, largest first.</summary>
    public async Task<IReadOnlyList<InterestFigures>> InterestsAsync(CommunityId community, CancellationToken ct)
    {
        var list = await interests.ListInterestsAsync(community, includeArchived: false, ct).ConfigureAwait(false);
        var figures = new List<InterestFigures>(list.Count);
        foreach (var interest in list)
        {
            var joined = await interests.ListInterestMembersAsync(community, interest.Id, ct).ConfigureAwait(false);
            figures.Add(new InterestFigures(interest.Id, interest.Name, interest.CreatedAt, joined.Count));
        }

        return [.. figures.OrderByDescending(f => f.Members).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every member with their last round, answers and connections, by name. The store counts these per member
    /// (<see cref="ICoffeeStore.ListMemberActivityAsync"/>): reading every round's groups and answers took seconds at
    /// 10,000 members and 100 rounds.
    /// </summary>
    private async Task<IReadOnlyList<MemberFigures>> MemberRowsAsync(CommunityId community, CancellationToken ct)
    {
        var today = await TodayAsync(community, ct).ConfigureAwait(false);
        var everyone = await members.ListMembersAsync(community, ct).ConfigureAwait(false);
        var activity = (await coffee.ListMemberActivityAsync(community, ct).ConfigureAwait(false)).ToDictionary(a => a.Member);
        return [.. everyone
            .Select(m =>
            {
                var counted = activity.GetValueOrDefault(m.Id);
                return new MemberFigures(
                    m.Id, m.DisplayName, m.Profile.Industry, m.JoinedAt, m.Coffee.Joined, m.Coffee.Joined && !m.Coffee.IsAvailableOn(today),
                    counted?.LastRoundStartedAt, counted?.Answers ?? 0, counted?.Connections ?? 0);
            })
            .OrderBy(r => r.Name, StringComparer.InvariantCultureIgnoreCase).ThenBy(r => r.Id.Value, StringComparer.Ordinal)];
    }

    /// <summary>The date in the community's time zone, the day pauses are measured against (as the round scheduler does).</summary>
    private async Task<DateOnly> TodayAsync(CommunityId community, CancellationToken ct)
    {
        var settings = (await communities.GetCommunityAsync(community, ct).ConfigureAwait(false))?.Settings ?? CommunitySettings.Default;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(settings.TimeZone) ?? DateTimeZone.Utc;
        return Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(zone).Date.ToDateOnly();
    }

    private static RoundFigures Funnel(RoundTally tally)
    {
        var round = tally.Round;
        return new RoundFigures(
            round.Id, round.StartedAt, round.GroupSize, round.Mode, tally.Groups, tally.MetGroups, tally.Matched + tally.Paused,
            tally.Matched, tally.Answered, tally.Met, tally.Matched - tally.Answered, tally.Paused);
    }

    /// <summary>One round counted as the store counts it (<see cref="ICoffeeStore.ListRoundTalliesAsync"/>), from the round the detail page reads whole anyway.</summary>
    private static RoundTally Tally(RoundRecord record, IReadOnlyList<Member> everyone, IReadOnlyList<GroupAnswer> answers) =>
        RoundTallies.Count(
            record.Round,
            record.Groups.Count,
            record.Groups.Where(g => g.Outcome == MeetingOutcome.Met).Select(g => g.Id.Value).ToHashSet(StringComparer.Ordinal),
            record.Groups.SelectMany(g => g.Members.Select(m => (g.Id.Value, m.Value))),
            answers.Select(a => a.Member).Distinct().Count(),
            everyone.ToDictionary(m => m.Id.Value, m => new TallyMember(m.Profile.Industry, m.Coffee.Joined, m.JoinedAt), StringComparer.Ordinal));

    private static bool IsCrossIndustry(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && IndustryKey(a) != IndustryKey(b);

    /// <summary>Members write industries freely; "Finance" and " finance" are one industry.</summary>
    private static string IndustryKey(string industry) => industry.Trim().ToUpperInvariant();

    private static double Share(int part, int whole) => whole == 0 ? 0 : part / (double)whole;

    private static List<MemberId> Neighbours(Dictionary<MemberId, List<MemberId>> graph, MemberId member)
    {
        if (!graph.TryGetValue(member, out var list))
        {
            graph[member] = list = [];
        }

        return list;
    }

    /// <summary>The graph's connected components, largest first (ties by their first member's id, so the numbering is stable).</summary>
    private static List<List<MemberId>> Components(Dictionary<MemberId, List<MemberId>> graph)
    {
        var seen = new HashSet<MemberId>();
        var components = new List<List<MemberId>>();
        foreach (var start in graph.Keys.OrderBy(k => k.Value, StringComparer.Ordinal))
        {
            if (!seen.Add(start))
            {
                continue;
            }

            var component = new List<MemberId>();
            var queue = new Queue<MemberId>([start]);
            while (queue.TryDequeue(out var member))
            {
                component.Add(member);
                foreach (var next in graph[member].Where(seen.Add))
                {
                    queue.Enqueue(next);
                }
            }

            components.Add(component);
        }

        return [.. components.OrderByDescending(c => c.Count)];
    }
}
