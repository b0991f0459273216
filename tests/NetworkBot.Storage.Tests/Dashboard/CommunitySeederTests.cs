using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;
using NetworkBot.Storage.Tests.Conformance;
using NetworkBot.Storage.Tests.LiteDb;
using NetworkBot.Storage.Tests.Postgres;
using NetworkBot.Storage.Tests.Sqlite;
using NetworkBot.Tests.Dashboard;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Storage.Tests.Dashboard;

/// <summary>
/// The dashboard's seeded community (tests/Shared/Dashboard): every provider imports it, reads back what was asked
/// for, and its tables agree with each other the way the bot's own writes make them agree.
/// </summary>
public sealed class CommunitySeederTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly CommunitySeed Small = new(CommunityId.For("discord", "81384788765712384"), "東京異業種ネットワーク", Language.Ja)
    {
        Members = 300,
        Rounds = 20,
        GroupSize = 3,
        Events = 5,
    };

    private readonly ExportStores stores = new();

    public ValueTask DisposeAsync() => stores.DisposeAsync();

    public static TheoryData<string> EmbeddedProviders => ["sqlite", "litedb"];

    [Theory]
    [MemberData(nameof(EmbeddedProviders))]
    public Task An_embedded_store_imports_the_seeded_community_and_reads_back_what_was_asked_for(string provider) =>
        ImportsAndReadsBackAsync(provider == "sqlite" ? new SqliteProvider() : new LiteDbProvider());

    [PostgresFact]
    public Task PostgreSQL_imports_the_seeded_community_and_reads_back_what_was_asked_for() => ImportsAndReadsBackAsync(new PostgresProvider());

    [Fact]
    public void The_same_seed_makes_the_same_community_and_another_seed_another()
    {
        var first = ExportDocument.Write([CommunitySeeder.Generate(Small).ToExport()]);

        Assert.Equal(first, ExportDocument.Write([CommunitySeeder.Generate(Small).ToExport()]));
        Assert.NotEqual(first, ExportDocument.Write([CommunitySeeder.Generate(Small with { Seed = 17 }).ToExport()]));
    }

    [Fact]
    public void Every_group_outcome_and_connection_follows_from_the_answers_as_the_bot_makes_them()
    {
        var seeded = CommunitySeeder.Generate(Small);
        var answersByGroup = seeded.Answers.ToLookup(a => a.Group);
        var groups = seeded.Rounds.SelectMany(r => r.Groups).ToList();

        foreach (var group in groups)
        {
            var answers = answersByGroup[group.Id].Select(a => a.Answer).ToList();
            var expected = answers.Contains(MeetingOutcome.Met) ? MeetingOutcome.Met
                : answers.Contains(MeetingOutcome.NotYet) ? MeetingOutcome.NotYet
                : answers.Count > 0 ? MeetingOutcome.DidNotMeet
                : MeetingOutcome.Unknown;
            Assert.Equal(expected, group.Outcome);
            Assert.All(answersByGroup[group.Id], a => Assert.Contains(a.Member, group.Members));
        }

        var metPairs = groups
            .SelectMany(g => answersByGroup[g.Id].Where(a => a.Answer == MeetingOutcome.Met).SelectMany(a => g.Members.Where(m => m != a.Member).Select(m => Pair(a.Member, m))))
            .ToHashSet();
        var mutualConnects = seeded.Connects.Where(c => seeded.Connects.Any(back => back.Event == c.Event && back.From == c.To && back.To == c.From)).Select(c => Pair(c.From, c.To)).ToHashSet();
        Assert.All(seeded.Connections, c => Assert.True(string.CompareOrdinal(c.A.Value, c.B.Value) < 0));
        Assert.Equal(metPairs.Union(mutualConnects).Order().ToList(), seeded.Connections.Select(c => (c.A.Value, c.B.Value)).Order().ToList());
        Assert.NotEmpty(mutualConnects.Except(metPairs));
    }

    [Fact]
    public void Rounds_group_only_members_who_take_part_and_everyone_of_them_once()
    {
        var seeded = CommunitySeeder.Generate(Small);
        var members = seeded.Members.ToDictionary(m => m.Id);
        var pausedForSilence = seeded.Members.Where(m => m.Coffee.PausedUntil == CoffeeEnrollment.PausedIndefinitely).Select(m => m.Id).ToHashSet();

        foreach (var round in seeded.Rounds)
        {
            var grouped = round.Groups.SelectMany(g => g.Members).ToList();
            Assert.Equal(grouped.Count, grouped.Distinct().Count());
            Assert.All(round.Groups, g => Assert.InRange(g.Members.Count, Small.GroupSize, Small.GroupSize + 1));
            Assert.All(grouped, m => Assert.True(members[m].JoinedAt < round.Round.StartedAt));
        }

        // Silent members are paused by the bot after three rounds in a row, so they are in no round after those.
        var last = seeded.Rounds[^1].Groups.SelectMany(g => g.Members).ToHashSet();
        Assert.NotEmpty(pausedForSilence);
        Assert.Empty(pausedForSilence.Intersect(last));
        Assert.Null(seeded.Rounds[^1].Round.ClosedAt);
        Assert.All(seeded.Rounds.SkipLast(1), r => Assert.NotNull(r.Round.ClosedAt));
    }

    [Fact]
    public void Members_have_Japanese_and_English_names_and_events_have_waitlists_attendees_and_one_event_ahead()
    {
        var seeded = CommunitySeeder.Generate(Small);

        Assert.Contains(seeded.Members, m => m.Profile.Language == Language.Ja && m.DisplayName.Any(c => c > '\u3000'));
        Assert.Contains(seeded.Members, m => m.Profile.Language == Language.En && m.DisplayName.All(char.IsAscii));
        Assert.Contains(seeded.Rsvps, r => r.Status == RsvpStatus.Waitlisted && r.WaitlistPosition is not null);
        var finished = seeded.Events.Where(e => e.Finished).Select(e => e.Id).ToHashSet();
        Assert.Equal(
            seeded.Rsvps.Where(r => finished.Contains(r.Event) && r.Status == RsvpStatus.Going).Select(r => (r.Event.Value, r.Member.Value)).Order(),
            seeded.Attendees.Select(a => (a.Event.Value, a.Member.Value)).Order());
        Assert.Single(seeded.Events, e => e.Start > Small.Now);
        Assert.DoesNotContain(seeded.Attendees, a => !finished.Contains(a.Event));
    }

    [Fact]
    public void A_seed_for_a_platform_names_its_members_and_its_coffee_channel_with_the_platform_s_ids()
    {
        var seed = Small with { MemberId = n => new MemberId((53908232506000000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture)), CoffeeChannel = "345626669114982111" };

        var seeded = CommunitySeeder.Generate(seed);

        var ids = seeded.Members.Select(m => m.Id.Value).ToList();
        Assert.Equal(Enumerable.Range(1, Small.Members).Select(n => (53908232506000000L + n).ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
        Assert.Equal([seeded.Members[0].Id], seeded.Community.Settings.Managers);
        Assert.Equal(("345626669114982111", "345626669114982111"), (seeded.Community.Settings.CoffeeChannel, seeded.Schedule.Channel));
        var known = ids.ToHashSet(StringComparer.Ordinal);
        Assert.All(seeded.Rounds.SelectMany(r => r.Groups).SelectMany(g => g.Members), m => Assert.Contains(m.Value, known));
        Assert.All(seeded.Connections, c => Assert.True(known.Contains(c.A.Value) && known.Contains(c.B.Value)));
        // Only the names change: the same draws make the same community.
        var named = CommunitySeeder.Generate(Small);
        Assert.Equal(named.Rounds.Select(r => r.Groups.Count), seeded.Rounds.Select(r => r.Groups.Count));
        Assert.Equal(named.Connections.Count, seeded.Connections.Count);
        Assert.Equal("coffee", named.Schedule.Channel);
    }

    private async Task ImportsAndReadsBackAsync(StoreProvider provider)
    {
        var seeded = CommunitySeeder.Generate(Small);
        var underTest = await stores.CreateAsync(provider);
        var store = underTest.Store;

        await seeded.WriteToAsync((IExportStore)store, Ct);

        Assert.Equal(Small.Members, (await store.ListMembersAsync(seeded.Id, Ct)).Count);
        var rounds = await store.ListRoundsAsync(seeded.Id, int.MaxValue, Ct);
        Assert.Equal(Small.Rounds, rounds.Count);
        Assert.Equal(seeded.Rounds.Sum(r => r.Groups.Count), rounds.Sum(r => r.Groups.Count));
        var ahead = seeded.Events[^1];
        Assert.Equal([ahead.Id], (await store.ListEventsAsync(seeded.Id, includeCancelled: true, Ct)).Select(e => e.Id));
        Assert.Equal(seeded.Rsvps.Count(r => r.Event == ahead.Id), (await store.ListRsvpsAsync(seeded.Id, ahead.Id, Ct)).Count);
        Assert.Equal(Language.Ja, (await store.GetCommunityAsync(seeded.Id, Ct))!.Settings.Language);
        var exported = (await ((IExportStore)store).ExportCommunityAsync(seeded.Id, Ct))!;
        var written = seeded.ToExport();
        Assert.All(ExportFormat.Tables, t => Assert.Equal(written.Tables[t.Name].Count, exported.Tables[t.Name].Count));
        Assert.Equal(ExportDocument.Write([written]), ExportDocument.Write([exported]));
    }

    private static (string, string) Pair(MemberId x, MemberId y) => string.CompareOrdinal(x.Value, y.Value) < 0 ? (x.Value, y.Value) : (y.Value, x.Value);
}
