using System.Globalization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Storage;

namespace NetworkBot.Host.Tests.Crash;

/// <summary>
/// What the crash runs deliver, written through the real store before the bot first starts: one Discord community
/// whose <paramref name="groups"/> × 2 members all joined coffee, a weekly schedule whose occurrence passed ten
/// minutes ago (so the first tick runs the round: <paramref name="groups"/> pairs, each introduced in a private
/// thread of the coffee channel), and an event starting in 30 minutes, announced in the announcement channel, whose
/// 1-hour reminder is due to the <paramref name="going"/> members who answered "going" (one DM each).
/// </summary>
public sealed class CrashScenario(int groups, int going)
{
    public const string GuildId = "290926798626357999";
    public const string CoffeeChannel = "345626669114982001";
    public const string AnnouncementChannel = "345626669114982002";
    public static readonly EventId EventId = new("crashevt");

    public static CommunityId Community { get; } = CommunityId.For("discord", GuildId);

    public int Groups => groups;

    public int Going => Math.Min(going, groups * 2);

    /// <summary>The messages the scenario decides: one introduction per pair, the announcement, one reminder per member going.</summary>
    public int Messages => groups + 1 + Going;

    /// <summary>
    /// Roughly how many REST calls the whole delivery takes (thread, two member adds and the message per group; a DM
    /// channel and the message per reminder; the announcement): the crash runs spread their kills over it.
    /// </summary>
    public int EstimatedRequests => (groups * 4) + (Going * 2) + 1;

    /// <summary>Migrates <paramref name="storage"/>'s empty database and writes the scenario, as it stands at <paramref name="now"/>.</summary>
    public async Task SeedAsync(CrashStorage storage, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await storage.MigrateAsync(ct);
        await storage.WithStoreAsync(store => SeedAsync(store, now, ct), ct);
    }

    /// <summary>Writes the scenario through <paramref name="store"/>.</summary>
    private async Task SeedAsync(IStore store, DateTimeOffset now, CancellationToken ct)
    {
        var members = Enumerable.Range(0, groups * 2)
            .Select(i => new Member(
                Community,
                new MemberId((600_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)),
                $"Member {i}",
                Profile.Empty,
                new CoffeeEnrollment(true, null, false),
                now.AddDays(-30)))
            .ToList();
        var community = new Community(
            Community,
            "Crash test",
            CommunitySettings.Default with { CoffeeChannel = CoffeeChannel, AnnouncementChannel = AnnouncementChannel, Managers = [members[0].Id] },
            now.AddDays(-60));
        await store.SaveCommunityAsync(community, ct);
        await store.SaveMembersAsync(members, ct);

        var occurrence = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10);
        var weekly = new Recurrence(CadenceKind.Weekly, 1, 0, occurrence.DayOfWeek, TimeOnly.FromDateTime(occurrence.UtcDateTime), "UTC", DateOnly.FromDateTime(occurrence.UtcDateTime).AddDays(-70));
        var schedule = new CoffeeSchedule(Community, weekly, 2, PairingMode.Random, 0, null, true)
        {
            LastRoundFor = occurrence.AddDays(-7),
            NoticeSentFor = occurrence,
        };
        await store.SaveScheduleAsync(schedule, [], ct);

        var meetup = new Event(Community, EventId, "Crash test meetup", null, now.AddMinutes(30), TimeSpan.FromHours(1), "UTC", "Room 1", null, false)
        {
            Reminders = [TimeSpan.FromHours(1)],
            CreatedBy = members[0].Id,
            CreatedAt = now.AddDays(-1),
        };
        await store.SaveEventAsync(meetup, [EventNotices.Announcement(meetup, community, now)!], _ => [], ct);
        foreach (var member in members.Take(Going))
        {
            await store.RespondAsync(Community, EventId, member.Id, RsvpStatus.Going, now, _ => [], ct);
        }
    }
}
