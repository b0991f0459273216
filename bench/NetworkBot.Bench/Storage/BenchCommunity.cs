using System.Globalization;
using NetworkBot.Bench.Generation;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;

namespace NetworkBot.Bench.Storage;

/// <summary>
/// A Discord community whose members all joined coffee, with the profiles of <see cref="CommunityGenerator"/> (industries,
/// interests, offers, seeks, time zones), so stored rows and composed introductions have their usual size.
/// </summary>
internal sealed record BenchCommunity(Community Community, IReadOnlyList<Member> Members)
{
    public static BenchCommunity Make(int index, int members, DateTimeOffset now)
    {
        var id = CommunityId.For("discord", (290_926_798_626_357_000L + index).ToString(CultureInfo.InvariantCulture));
        var community = new Community(
            id,
            $"Bench community {index}",
            CommunitySettings.Default with { CoffeeChannel = "345626669114982001", AnnouncementChannel = "345626669114982002" },
            now.AddDays(-60));
        var made = CommunityGenerator.MakeMembers(new CommunitySpec(members, Seed: index + 1))
            .Select((m, i) => new Member(
                id,
                new MemberId(m.Id),
                $"Member {i}",
                new Profile($"I work in {m.Industry} and like {string.Join(", ", m.Interests)}.", "engineer", m.Industry, m.Offers, m.Seeks, m.Interests, m.TimeZone, null),
                new CoffeeEnrollment(true, null, false),
                now.AddDays(-30)))
            .ToList();
        return new BenchCommunity(community, made);
    }

    /// <summary>Stores the community and its members, not timed.</summary>
    public async Task SaveAsync(StoreInstance instance, CancellationToken ct)
    {
        await instance.Store.SaveCommunityAsync(Community, ct);
        await instance.Store.SaveMembersAsync(Members, ct);
    }
}
