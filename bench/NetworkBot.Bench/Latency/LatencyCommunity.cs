using System.Globalization;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Tests.Dashboard;

namespace NetworkBot.Bench.Latency;

/// <summary>
/// One lived-in community of the <c>latency</c> run (<see cref="CommunitySeeder"/>) in its platform's shapes (a Discord
/// guild with numeric ids, or the Slack workspace of the fake with <c>U…</c> members and a <c>C…</c> channel), every member
/// in coffee chats (so a round of N members makes N/2 groups), and its upcoming event's reminder falling due at
/// <see cref="ReminderDue"/> for half the members, who said they are going.
/// </summary>
internal sealed class LatencyCommunity
{
    private const long FirstGuild = 290926798626358000;
    private const long FirstUser = 539082325060000000;
    private const string DiscordChannel = "345626669114983000";
    private const string SlackChannel = "C0LATENCY";

    private LatencyCommunity(SeededCommunity seeded, string platform, string externalId, string channel, DateTimeOffset reminderDue, Event upcoming)
    {
        Seeded = seeded;
        Platform = platform;
        ExternalId = externalId;
        Channel = channel;
        ReminderDue = reminderDue;
        Upcoming = upcoming;
        OpenGroups = [.. seeded.Rounds[^1].Groups.SelectMany(g => g.Members.Select(m => (g.Id, m)))];
        membersById = seeded.Members.ToDictionary(m => m.Id);
    }

    private readonly Dictionary<MemberId, Member> membersById;

    public SeededCommunity Seeded { get; }

    /// <summary><c>discord</c> or <c>slack</c>.</summary>
    public string Platform { get; }

    /// <summary>The guild id, or the workspace's team id.</summary>
    public string ExternalId { get; }

    /// <summary>Where commands are typed, and where the community's rounds and events are posted.</summary>
    public string Channel { get; }

    /// <summary>The member who manages the community (Manage Server in the bench's interactions).</summary>
    public Member Manager => Seeded.Members[0];

    public IReadOnlyList<Member> Members => Seeded.Members;

    /// <summary>Who was grouped in the open round, by group: the ones a "did you meet?" button was sent to.</summary>
    public IReadOnlyList<(GroupId Group, MemberId Member)> OpenGroups { get; }

    public Event Upcoming { get; }

    public DateTimeOffset ReminderDue { get; }

    public Member MemberOf(MemberId id) => membersById[id];

    /// <summary>How many members the upcoming event's reminder goes to.</summary>
    public int Going => Seeded.Rsvps.Count(r => r.Event == Upcoming.Id && r.Status == RsvpStatus.Going);

    /// <summary>
    /// Community <paramref name="index"/> of <paramref name="members"/> members, its reminder due at <paramref name="reminderDue"/>:
    /// a Discord guild, or with <paramref name="slackTeam"/> that Slack workspace.
    /// </summary>
    public static LatencyCommunity Make(int index, int members, DateTimeOffset reminderDue, string? slackTeam = null)
    {
        var (platform, externalId, channel) = slackTeam is null
            ? ("discord", (FirstGuild + index).ToString(CultureInfo.InvariantCulture), DiscordChannel)
            : ("slack", slackTeam, SlackChannel);
        Func<int, string> memberId = slackTeam is null
            ? n => (FirstUser + (index * 1_000_000L) + n).ToString(CultureInfo.InvariantCulture)
            : n => $"U{index:D2}{n:D7}";
        var seeded = CommunitySeeder.Generate(new CommunitySeed(CommunityId.For(platform, externalId), $"Latency {index + 1}", index % 2 == 0 ? Language.Ja : Language.En)
        {
            Members = members,
            Rounds = 4,
            Events = 3,
            Seed = 17 + index,
            Now = DateTimeOffset.UtcNow,
            MemberId = n => new MemberId(memberId(n)),
        });
        var upcoming = seeded.Events[^1] with
        {
            Start = reminderDue + TimeSpan.FromHours(1),
            Reminders = [TimeSpan.FromHours(1)],
            RemindedFor = null,
            Capacity = null,
            Channel = channel,
        };
        var settings = seeded.Community.Settings with { IntroChannel = channel, CoffeeChannel = channel, AnnouncementChannel = channel };
        var going = seeded.Members.Where((_, i) => i % 2 == 0).Select(m => new Rsvp(upcoming.Id, m.Id, RsvpStatus.Going, upcoming.CreatedAt));
        var shaped = new SeededCommunity
        {
            Seed = seeded.Seed,
            Community = seeded.Community with { Settings = settings },
            Schedule = seeded.Schedule with { Channel = null },
            Members = [.. seeded.Members.Select(m => m with { Coffee = new CoffeeEnrollment(true, null, false) })],
            Blocks = seeded.Blocks,
            Interests = seeded.Interests,
            InterestMembers = seeded.InterestMembers,
            Rounds = seeded.Rounds,
            Answers = seeded.Answers,
            Connections = seeded.Connections,
            Events = [.. seeded.Events.Take(seeded.Events.Count - 1), upcoming],
            Rsvps = [.. seeded.Rsvps.Where(r => r.Event != upcoming.Id), .. going],
            Attendees = seeded.Attendees,
            Connects = seeded.Connects,
        };
        return new LatencyCommunity(shaped, platform, externalId, channel, reminderDue, upcoming);
    }
}
