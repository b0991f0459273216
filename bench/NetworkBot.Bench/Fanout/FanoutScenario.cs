using System.Globalization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Storage;
using NetworkBot.Host.Tests.Crash;

namespace NetworkBot.Bench.Fanout;

/// <summary>
/// One fan-out to measure, written through the real store before the bot starts: either a coffee round of
/// <see cref="Groups"/> pairs whose weekly occurrence passed ten minutes ago (the bot's first scheduler tick runs it), or
/// an event starting in 30 minutes whose 1-hour reminder is due to <see cref="Reminded"/> members who answered "going".
/// On Discord pairs meet in private threads of the coffee channel and reminders are DMs; on Slack pairs meet in a group DM.
/// </summary>
internal sealed record FanoutScenario(string Platform, FanoutCase Case, int Size)
{
    public const string DiscordGuild = "290926798626357999";
    public const string SlackTeam = "T0NETWORK";

    public CommunityId Community => Platform == "discord" ? CommunityId.For("discord", DiscordGuild) : CommunityId.For("slack", SlackTeam);

    public int Groups => Case == FanoutCase.Round ? Size : 0;

    public int Reminded => Case == FanoutCase.Reminders ? Size : 0;

    public int Members => Case == FanoutCase.Round ? Size * 2 : Size;

    /// <summary>The posts that end the fan-out: one per group, or one per member reminded.</summary>
    public int ExpectedPosts => Size;

    public async Task SeedAsync(CrashStorage storage, DateTimeOffset now, CancellationToken ct)
    {
        await storage.MigrateAsync(ct);
        await storage.WithStoreAsync(store => SeedAsync(store, now, ct), ct);
    }

    private string MemberId(int i) => Platform == "discord"
        ? (600_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)
        : "U" + i.ToString("D8", CultureInfo.InvariantCulture);

    private string Channel(int n) => Platform == "discord" ? (345_626_669_114_982_000L + n).ToString(CultureInfo.InvariantCulture) : $"C0CHANNEL{n}";

    private async Task SeedAsync(IStore store, DateTimeOffset now, CancellationToken ct)
    {
        var members = Enumerable.Range(0, Members)
            .Select(i => new Member(Community, new MemberId(MemberId(i)), $"Member {i}", Profile.Empty, new CoffeeEnrollment(true, null, false), now.AddDays(-30)))
            .ToList();
        var community = new Community(
            Community,
            "Fan-out",
            CommunitySettings.Default with { CoffeeChannel = Channel(1), AnnouncementChannel = Channel(2), Managers = [members[0].Id] },
            now.AddDays(-60));
        await store.SaveCommunityAsync(community, ct);
        await store.SaveMembersAsync(members, ct);
        if (Case == FanoutCase.Round)
        {
            var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10);
            var weekly = new Recurrence(CadenceKind.Weekly, 1, 0, due.DayOfWeek, TimeOnly.FromDateTime(due.UtcDateTime), "UTC", DateOnly.FromDateTime(due.UtcDateTime).AddDays(-70));
            await store.SaveScheduleAsync(
                new CoffeeSchedule(Community, weekly, 2, PairingMode.Random, 0, null, true) { LastRoundFor = due.AddDays(-7), NoticeSentFor = due }, [], ct);
            return;
        }

        var ev = new EventId("fanout");
        var meetup = new Event(Community, ev, "Fan-out meetup", null, now.AddMinutes(30), TimeSpan.FromHours(1), "UTC", "Room 1", null, false)
        {
            Reminders = [TimeSpan.FromHours(1)],
            CreatedBy = members[0].Id,
            CreatedAt = now.AddDays(-1),
        };
        await store.SaveEventAsync(meetup, [], _ => [], ct);
        foreach (var member in members)
        {
            await store.RespondAsync(Community, ev, member.Id, RsvpStatus.Going, now, _ => [], ct);
        }
    }
}
