using System.Globalization;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Texts;
using NodaTime;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// Moves every community's coffee rounds along their lifecycle: the notice the day before (with a skip button),
/// the round itself, a nudge to groups that have not answered, "did you meet?", a second ask to "not yet"
/// groups, and the close (summary to managers, pausing members who stopped answering). Each step is decided from
/// stored state and written with its messages in one transaction, so ticking again — after a restart, or twice —
/// repeats nothing. Each write carries the versions of what it was decided from: when a member, a manager or another
/// step changed them meanwhile, the write is refused and the community's step decides again on fresh data. Each
/// community's step runs under the <see cref="StepSupervisor"/>, so one community's failure holds up no other.
/// Driven by a clock: the host ticks it, tests move a fake clock and tick.
/// </summary>
public sealed class RoundScheduler(
    ICommunityStore communityStore, IMemberStore memberStore, ICoffeeStore coffeeStore, IConnectionStore connectionStore,
    CoffeeRounds rounds, StepSupervisor supervisor, TimeProvider time, ILogger<RoundScheduler> logger)
{
    public static readonly TimeSpan NoticeLead = TimeSpan.FromDays(1);
    public const double NudgeAtShare = 0.4;
    public const double CheckInAtShare = 0.7;
    public const double ReaskAtShare = 0.9;
    public const int PauseAfterMissedRounds = 3;

    /// <summary>
    /// Does everything that is due now, each community apart; returns how many steps were taken. Throws only when the
    /// store has been unreachable too long (<see cref="Storage.StoreUnavailableException"/>) or <paramref name="ct"/> is cancelled.
    /// </summary>
    public Task<int> TickAsync(CancellationToken ct) =>
        supervisor.RunEachCommunityAsync("coffee rounds", () => coffeeStore.ListCoffeeCommunitiesAsync(ct), community => StepAsync(community, ct), ct);

    /// <summary>The community's due steps, decided from what is stored now.</summary>
    private async Task<int> StepAsync(CommunityId community, CancellationToken ct)
    {
        var steps = 0;
        foreach (var round in await coffeeStore.ListOpenRoundsWithoutGroupsAsync(community, ct).ConfigureAwait(false))
        {
            steps += await AdvanceAsync(round, ct).ConfigureAwait(false);
        }

        if (await coffeeStore.GetScheduleAsync(community, ct).ConfigureAwait(false) is { Active: true } schedule)
        {
            steps += await FollowAsync(schedule, ct).ConfigureAwait(false);
        }

        return steps;
    }

    private async Task<int> FollowAsync(CoffeeSchedule schedule, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var handledUntil = schedule.LastRoundFor ?? now;
        if (ScheduleCalculator.NextOccurrence(schedule.Recurrence, handledUntil) is not { } next)
        {
            RoundLog.UnknownZone(logger, schedule.Community.Value, schedule.Recurrence.TimeZone);
            return 0;
        }

        if (now >= next)
        {
            // After downtime, run only the latest missed occurrence rather than a burst of stale rounds.
            while (ScheduleCalculator.NextOccurrence(schedule.Recurrence, next) is { } later && later <= now)
            {
                next = later;
            }

            await RunOccurrenceAsync(schedule, next, ct).ConfigureAwait(false);
            return 1;
        }

        if (now >= next - NoticeLead && schedule.NoticeSentFor != next)
        {
            var notices = await NoticesAsync(schedule, next, ct).ConfigureAwait(false);
            await coffeeStore.SaveScheduleAsync(schedule with { NoticeSentFor = next }, notices, ct).ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    /// <summary>Runs the occurrence's round, storing the schedule with the occurrence handled in the round's own transaction.</summary>
    private async Task RunOccurrenceAsync(CoffeeSchedule schedule, DateTimeOffset occurrence, CancellationToken ct)
    {
        var community = schedule.Community;
        var id = RoundId.ForOccurrence(community, occurrence);
        var handled = schedule with { LastRoundFor = occurrence, NoticeSentFor = occurrence };
        var messages = new List<OutboxMessage>();
        if (await coffeeStore.GetRoundAsync(community, id, ct).ConfigureAwait(false) is null)
        {
            var endsAt = ScheduleCalculator.NextOccurrence(schedule.Recurrence, occurrence) ?? occurrence + CoffeeRounds.DefaultLength;
            var seed = occurrence.ToUnixTimeSeconds();
            if (await rounds.RunAsync(community, RoundSettings.From(schedule), seed, ct, id, endsAt, handled).ConfigureAwait(false) is not RoundOutcome.NotPossible notPossible)
            {
                return;
            }

            RoundLog.NotPossible(logger, community.Value, occurrence, notPossible.Reason.Render(Language.En));
            messages.AddRange(await ToManagersAsync(community, $"round-failed:{id}", (c, language) =>
                new Reply(CoffeeTexts.RoundNotPossible.Format(language, LocalDate(occurrence, c), notPossible.Reason.Render(language))) { IsError = true }, ct).ConfigureAwait(false));
        }

        await coffeeStore.SaveScheduleAsync(handled, messages, ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<OutboxMessage>> NoticesAsync(CoffeeSchedule schedule, DateTimeOffset occurrence, CancellationToken ct)
    {
        var community = await communityStore.GetCommunityAsync(schedule.Community, ct).ConfigureAwait(false);
        if (community is null)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(occurrence.UtcDateTime);
        var members = await memberStore.ListMembersAsync(schedule.Community, ct).ConfigureAwait(false);
        return members
            .Where(m => m.Coffee.IsAvailableOn(day))
            .Select(m =>
            {
                var language = m.Profile.Language ?? community.Settings.Language;
                var when = LocalDateTime(occurrence, m.Profile.TimeZone ?? community.Settings.TimeZone);
                var reply = new Reply(CoffeeTexts.RoundNotice.Format(language, when))
                {
                    Buttons = [new(CoffeeTexts.ButtonSkip.Get(language), CommandInvocation.Of("coffee skip"))],
                };
                return OutboxMessage.Create(schedule.Community, $"notice:{occurrence.ToUnixTimeSeconds()}:{m.Id}", MessageTarget.ToMember(m.Id), reply, now);
            })
            .ToList();
    }

    /// <summary>
    /// The round's due steps. Its groups are read only when one is due: most ticks find none, and reading a large
    /// round's groups every tick cost an idle bot CPU and memory in proportion to its members.
    /// </summary>
    private async Task<int> AdvanceAsync(Round head, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!IsDue(head, now)
            || await coffeeStore.GetRoundAsync(head.Community, head.Id, ct).ConfigureAwait(false) is not { Round.ClosedAt: null } record)
        {
            return 0;
        }

        var round = record.Round;
        var community = await communityStore.GetCommunityAsync(round.Community, ct).ConfigureAwait(false);
        if (community is null || round.EndsAt is not { } endsAt)
        {
            return 0;
        }

        if (now >= endsAt)
        {
            await CloseAsync(record, community, now, ct).ConfigureAwait(false);
            return 1;
        }

        var language = community.Settings.Language;
        var steps = 0;
        if (round.NudgedAt is null && now >= PhaseAt(round, NudgeAtShare))
        {
            var quiet = record.Groups.Where(g => g.Outcome == MeetingOutcome.Unknown);
            round = await PhaseAsync(round with { NudgedAt = now }, "nudge", quiet, g => new Reply(CoffeeTexts.RoundNudge.Get(language)), ct).ConfigureAwait(false);
            steps++;
        }

        if (round.CheckInAt is null && now >= PhaseAt(round, CheckInAtShare))
        {
            round = await PhaseAsync(round with { CheckInAt = now }, "check-in", record.Groups, g => CheckIn(g, CoffeeTexts.RoundCheckIn, language), ct).ConfigureAwait(false);
            steps++;
        }

        if (round.CheckInAt is not null && round.ReaskedAt is null && now >= PhaseAt(round, ReaskAtShare))
        {
            var current = await coffeeStore.GetRoundAsync(round.Community, round.Id, ct).ConfigureAwait(false) ?? record;
            var notYet = current.Groups.Where(g => g.Outcome == MeetingOutcome.NotYet);
            await PhaseAsync(round with { ReaskedAt = now }, "re-ask", notYet, g => CheckIn(g, CoffeeTexts.RoundReask, language), ct).ConfigureAwait(false);
            steps++;
        }

        return steps;
    }

    /// <summary>Whether <see cref="AdvanceAsync"/> has something to do for the round: it is over, or a phase it has not had yet has come.</summary>
    private static bool IsDue(Round round, DateTimeOffset now) =>
        round.EndsAt is { } endsAt
        && (now >= endsAt
            || (round.NudgedAt is null && now >= PhaseAt(round, NudgeAtShare))
            || (round.CheckInAt is null && now >= PhaseAt(round, CheckInAtShare))
            || (round.ReaskedAt is null && now >= PhaseAt(round, ReaskAtShare)));

    /// <summary>When the phase at <paramref name="share"/> of the round's length comes (for a round with an end).</summary>
    private static DateTimeOffset PhaseAt(Round round, double share) => round.StartedAt + ((round.EndsAt!.Value - round.StartedAt) * share);

    /// <summary>Stores the phase with its messages; returns the round as stored (its version raised), for the next phase of the same tick.</summary>
    private async Task<Round> PhaseAsync(Round round, string phase, IEnumerable<Group> groups, Func<Group, Reply> message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var messages = groups
            .Select(g => OutboxMessage.Create(round.Community, $"round:{round.Id}:{phase}:{g.Id}", MessageTarget.ToGroup(null, g.Members), message(g), now))
            .ToList();
        await coffeeStore.UpdateRoundAsync(round, messages, ct).ConfigureAwait(false);
        RoundLog.Phase(logger, round.Id.Value, round.Community.Value, phase);
        return round with { Version = round.Version + 1 };
    }

    private static Reply CheckIn(Group group, LocalizedText question, Language language)
    {
        ReplyButton Answer(LocalizedText label, string answer, ButtonStyle style) =>
            new(label.Get(language), CommandInvocation.Of("coffee met", (CoffeeOptions.Group.Name, group.Id.Value), (CoffeeOptions.Answer.Name, answer)), style);
        return new Reply(question.Get(language))
        {
            Buttons =
            [
                Answer(CoffeeTexts.ButtonMet, "yes", ButtonStyle.Success),
                Answer(CoffeeTexts.ButtonNotYet, "not-yet", ButtonStyle.Secondary),
                Answer(CoffeeTexts.ButtonDidNotMeet, "no", ButtonStyle.Danger),
            ],
        };
    }

    /// <summary>Ends a round: counts who answered, pauses members silent for three rounds, and sends managers the summary.</summary>
    private async Task CloseAsync(RoundRecord record, Community community, DateTimeOffset now, CancellationToken ct)
    {
        var round = record.Round;
        var answers = await coffeeStore.ListAnswersAsync(community.Id, round.Id, ct).ConfigureAwait(false);
        var members = (await memberStore.ListMembersAsync(community.Id, ct).ConfigureAwait(false)).ToDictionary(m => m.Id);
        var updated = new List<Member>();
        var messages = new List<OutboxMessage>();
        var paused = new List<string>();
        foreach (var group in record.Groups)
        {
            foreach (var id in group.Members.Where(members.ContainsKey))
            {
                var member = members[id];
                var answered = group.Outcome == MeetingOutcome.Met || answers.Any(a => a.Group == group.Id && a.Member == id);
                var coffee = member.Coffee with { MissedRounds = answered ? 0 : member.Coffee.MissedRounds + 1 };
                if (coffee.MissedRounds >= PauseAfterMissedRounds && coffee.Joined && coffee.PausedUntil is null)
                {
                    coffee = coffee with { PausedUntil = CoffeeEnrollment.PausedIndefinitely };
                    paused.Add(member.DisplayName);
                    var language = member.Profile.Language ?? community.Settings.Language;
                    messages.Add(OutboxMessage.Create(community.Id, $"paused:{round.Id}:{id}", MessageTarget.ToMember(id),
                        new Reply(CoffeeTexts.PausedForSilence.Format(language, PauseAfterMissedRounds)), now));
                }

                updated.Add(member with { Coffee = coffee });
            }
        }

        var connections = await ConnectionsDuringAsync(connectionStore, community.Id, round.StartedAt, now, ct).ConfigureAwait(false);
        var groups = record.Groups.Count;
        var met = record.Groups.Count(g => g.Outcome == MeetingOutcome.Met);
        var crossIndustry = record.Groups.Count(g => g.Members
            .Select(id => members.GetValueOrDefault(id)?.Profile.Industry)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count() > 1);
        messages.AddRange(await ToManagersAsync(community.Id, $"summary:{round.Id}", (c, language) => new Reply(CoffeeTexts.RoundSummary.Format(
            language,
            LocalDate(round.StartedAt, c),
            record.Groups.Sum(g => g.Members.Count),
            groups,
            met,
            Percent(met, groups),
            connections,
            Percent(crossIndustry, groups),
            paused.Count == 0 ? CoffeeTexts.Nobody.Get(language) : string.Join(", ", paused))), ct).ConfigureAwait(false));
        await coffeeStore.CloseRoundAsync(round with { ClosedAt = now }, updated, messages, ct).ConfigureAwait(false);
        RoundLog.Phase(logger, round.Id.Value, community.Id.Value, "closed");
    }

    /// <summary>One private message to each manager, in their language.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> ToManagersAsync(CommunityId communityId, string key, Func<Community, Language, Reply> reply, CancellationToken ct)
    {
        var community = await communityStore.GetCommunityAsync(communityId, ct).ConfigureAwait(false);
        return community is null
            ? []
            : await ManagerNotices.CreateAsync(memberStore, community, key, language => reply(community, language), time.GetUtcNow(), ct).ConfigureAwait(false);
    }

    /// <summary>Connections made from <paramref name="from"/> up to (not including) <paramref name="until"/>.</summary>
    public static async Task<int> ConnectionsDuringAsync(IConnectionStore store, CommunityId community, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var since = await store.CountConnectionsSinceAsync(community, from, ct).ConfigureAwait(false);
        var after = await store.CountConnectionsSinceAsync(community, until, ct).ConfigureAwait(false);
        return since - after;
    }

    private static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);

    private static string LocalDate(DateTimeOffset at, Community community) =>
        Instant.FromDateTimeOffset(at).InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(community.Settings.TimeZone) ?? DateTimeZone.Utc)
            .Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string LocalDateTime(DateTimeOffset at, string zone) =>
        Instant.FromDateTimeOffset(at).InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? DateTimeZone.Utc)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone;
}
