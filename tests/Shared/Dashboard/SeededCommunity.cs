using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Storage;

namespace NetworkBot.Tests.Dashboard;

/// <summary>
/// A community <see cref="CommunitySeeder"/> made, as the domain's own records (so a test computes the figures it
/// expects from them, apart from the code under test) and as the rows of the export format, which any store imports
/// (<see cref="WriteToAsync"/>).
/// </summary>
public sealed class SeededCommunity
{
    private static readonly JsonSerializerOptions ListJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required CommunitySeed Seed { get; init; }

    public required Community Community { get; init; }

    public required CoffeeSchedule Schedule { get; init; }

    /// <summary>Ordered by id, which is the order they joined in.</summary>
    public required IReadOnlyList<Member> Members { get; init; }

    /// <summary>A few "don't match me with" entries, made after the rounds (often about someone met in one).</summary>
    public required IReadOnlyList<Block> Blocks { get; init; }

    public required IReadOnlyList<Interest> Interests { get; init; }

    public required IReadOnlyList<(InterestId Interest, MemberId Member)> InterestMembers { get; init; }

    /// <summary>Oldest first; every one closed but the last, which is still open.</summary>
    public required IReadOnlyList<RoundRecord> Rounds { get; init; }

    public required IReadOnlyList<GroupAnswer> Answers { get; init; }

    /// <summary>Made as the bot makes them: by a "met" answer (with each other member of the group) or by two attendees of an event who both pressed "connect".</summary>
    public required IReadOnlyList<Connection> Connections { get; init; }

    public required IReadOnlyList<Event> Events { get; init; }

    public required IReadOnlyList<Rsvp> Rsvps { get; init; }

    /// <summary>As the bot records them: who was going when an occurrence closed (so no-shows leave no trace).</summary>
    public required IReadOnlyList<EventAttendance> Attendees { get; init; }

    public required IReadOnlyList<EventConnect> Connects { get; init; }

    public CommunityId Id => Community.Id;

    /// <summary>Writes the community into <paramref name="store"/>, which must not hold it yet; a refusal is a bug of the seeder.</summary>
    public async Task WriteToAsync(IExportStore store, CancellationToken ct)
    {
        if (await store.ImportCommunitiesAsync([ToExport()], ct).ConfigureAwait(false) is { } refusal)
        {
            throw new InvalidOperationException($"The store refused the seeded community {refusal.Community}: {refusal.Reason}");
        }
    }

    /// <summary>The community as the export format's tables, parents before the rows naming them.</summary>
    public CommunityExport ToExport()
    {
        var settings = Community.Settings;
        var groups = Rounds.SelectMany(r => r.Groups).ToList();
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<object?>>>
        {
            ["community"] =
            [
                [Community.Name, settings.Language.ToCode(), settings.TimeZone, settings.IntroChannel, settings.CoffeeChannel,
                    settings.AnnouncementChannel, settings.ManagerRole, Json(settings.Managers.Select(m => m.Value)), Instant(Community.CreatedAt),
                    (long)settings.RetentionDays, (long)settings.IntroRequestsPerWeek, (long)settings.OpenAsksPerMember],
            ],
            ["coffeeSchedule"] = [ScheduleRow(Schedule)],
            ["members"] = [.. Members.Select(MemberRow)],
            ["blocks"] = [.. Blocks.Select(b => Row(b.Blocker.Value, b.Blocked.Value))],
            ["pairWishes"] = [],
            ["interests"] = [.. Interests.Select(i => Row(i.Id.Value, i.Name, i.Description, i.Archived, i.RoleRef, i.ChannelRef, Instant(i.CreatedAt), i.SpacePending))],
            ["interestMembers"] = [.. InterestMembers.Select(m => Row(m.Interest.Value, m.Member.Value))],
            ["rounds"] = [.. Rounds.Select(r => RoundRow(r.Round))],
            ["roundGroups"] = [.. Rounds.SelectMany(r => r.Groups.Select((g, position) => Row(g.Id.Value, r.Round.Id.Value, (long)position, g.Outcome.ToString(), (long)g.Version)))],
            ["groupMembers"] = [.. groups.SelectMany(g => g.Members.Select((m, position) => Row(g.Id.Value, m.Value, (long)position)))],
            ["groupAnswers"] = [.. Answers.Select(a => Row(a.Group.Value, a.Member.Value, a.Answer.ToString(), Instant(a.AnsweredAt)))],
            ["connections"] = [.. Connections.Select(c => Row(c.A.Value, c.B.Value, Instant(c.Since)))],
            ["events"] = [.. Events.Select(EventRow)],
            ["rsvps"] = [.. Rsvps.Select(r => Row(r.Event.Value, r.Member.Value, r.Status.ToString(), Instant(r.AnsweredAt), r.WaitlistPosition, false))],
            ["eventAttendees"] = [.. Attendees.Select(a => Row(a.Event.Value, Instant(a.Occurrence), a.Member.Value))],
            ["eventConnects"] = [.. Connects.Select(c => Row(c.Event.Value, c.From.Value, c.To.Value, Instant(c.PressedAt)))],
            ["asks"] = [],
            ["askCandidates"] = [],
            ["outbox"] = [],
        };
        return new CommunityExport(Id, tables);
    }

    private static object?[] Row(params object?[] values) => values;

    private static object?[] ScheduleRow(CoffeeSchedule schedule)
    {
        var recurrence = schedule.Recurrence;
        return Row(recurrence.Cadence.ToString(), (long)recurrence.IntervalWeeks, (long)recurrence.WeekOfMonth, recurrence.Weekday.ToString(),
            recurrence.Time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture), recurrence.TimeZone, Date(recurrence.StartsOn),
            (long)schedule.GroupSize, schedule.Mode.ToString(), (long)schedule.CooldownRounds, schedule.Channel, schedule.Active,
            Instant(schedule.NoticeSentFor), Instant(schedule.LastRoundFor), (long)schedule.Version);
    }

    private static object?[] MemberRow(Member member)
    {
        var profile = member.Profile;
        return Row(member.Id.Value, member.DisplayName, profile.Pitch, profile.Role, profile.Industry, Json(profile.Offers), Json(profile.Seeks),
            Json(profile.Interests), profile.TimeZone, profile.Language?.ToCode(), member.Coffee.Joined, Date(member.Coffee.PausedUntil),
            member.Coffee.SkipNext, Instant(member.JoinedAt), (long)member.Coffee.MissedRounds, (long)member.Version, Instant(member.LeftAt),
            profile.OpenToIntros);
    }

    private static object?[] RoundRow(Round round) =>
        Row(round.Id.Value, Instant(round.StartedAt), (long)round.GroupSize, round.Mode.ToString(), round.Seed, Instant(round.EndsAt),
            Instant(round.NudgedAt), Instant(round.CheckInAt), Instant(round.ReaskedAt), Instant(round.ClosedAt), (long)round.Version);

    private static object?[] EventRow(Event ev) =>
        Row(ev.Id.Value, ev.Title, ev.Description, Instant(ev.Start), ev.Duration.Ticks, ev.TimeZone, ev.Place, (long?)ev.Capacity, ev.Cancelled,
            null, 1L, 0L, string.Join(',', ev.Reminders.Select(r => ((long)r.TotalMinutes).ToString(CultureInfo.InvariantCulture))), ev.RemindMaybe,
            ev.Channel, ev.MentionRole, ev.CreatedBy?.Value, Instant(ev.CreatedAt), (long)ev.Sequence, Instant(ev.RemindedFor), ev.Finished,
            ev.Icebreaker, Instant(ev.IcebreakerFor), ev.PlatformRef, (long)ev.Version);

    private static string Json(IEnumerable<string> values) => JsonSerializer.Serialize(values, ListJson);

    private static string? Instant(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
