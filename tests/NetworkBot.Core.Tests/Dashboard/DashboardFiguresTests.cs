using NetworkBot.Core.Coffee;
using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Dashboard;

/// <summary>The dashboard's figures for <see cref="SmallCommunity"/>, read through the real SQLite store and DI wiring, against numbers worked out by hand.</summary>
public sealed class DashboardFiguresTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = CommandHarness.Start;
    private CommandHarness harness = null!;

    private DashboardFigures Figures => harness.Get<DashboardFigures>();

    public async Task InitializeAsync()
    {
        harness = await CommandHarness.StartAsync();
        await SmallCommunity.SeedAsync(harness.Store, Now, Language.En, Ct);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Overview_counts_members_now_and_traces_each_figure_over_the_rounds()
    {
        var overview = await Figures.OverviewAsync(SmallCommunity.Id, Ct);

        Assert.Equal(2, overview.WindowRounds);
        AssertFigure(6, [5, 6], overview.Members); // fay joined after round 1 started
        AssertFigure(5, [4, 5], overview.OptedIn); // eve is not in coffee; round 2 grouped 4 and dan was paused
        AssertFigure(4, [4, 4], overview.Active); // dan is paused today
        AssertFigure(1, [0, 1], overview.Paused);
        AssertFigure(2, [1, 2], overview.Rounds);
        AssertFigure(0.5, [0.5, 0.5], overview.MeetRate); // one met group of two in each round
        AssertFigure(3, [1, 2], overview.NewConnections); // ann–ben in round 1; ann–cat and ben–eve (at the lunch) since round 2
        AssertFigure(0.5, [1, 0], overview.CrossIndustryShare); // Finance–Design, then Finance–"finance"
        Assert.Equal([SmallCommunity.Round1(Now), SmallCommunity.Round2(Now)], overview.Members.Trend.Select(p => p.RoundStart));
    }

    [Fact]
    public async Task Rounds_show_the_funnel_from_opted_in_to_met_newest_first()
    {
        var rounds = await Figures.RoundsAsync(SmallCommunity.Id, Ct);

        Assert.Equal(2, rounds.Count);
        var (second, first) = (rounds[0], rounds[1]);
        Assert.Equal(SmallCommunity.Round2(Now), second.StartedAt);
        Assert.Equal((5, 4, 3, 2, 1, 1), (second.OptedIn, second.Matched, second.Answered, second.Met, second.Silent, second.Paused));
        Assert.Equal((4, 4, 2, 2, 2, 0), (first.OptedIn, first.Matched, first.Answered, first.Met, first.Silent, first.Paused));
        Assert.Equal((2, 1, 0.5), (first.Groups, first.MetGroups, first.MeetRate));
        Assert.Equal((2, PairingMode.CrossIndustry), (first.GroupSize, first.Mode));
    }

    [Fact]
    public async Task Round_detail_lists_each_group_with_every_members_answer()
    {
        var round2 = (await Figures.RoundsAsync(SmallCommunity.Id, Ct))[0];

        var detail = await Figures.RoundAsync(SmallCommunity.Id, round2.Id, Language.En, Ct);

        Assert.NotNull(detail);
        Assert.Equal(round2, detail.Figures);
        Assert.Equal(["Ann Abe|Met", "Cat 田中|Met"], detail.Groups[0].Members.Select(m => $"{m.Name}|{m.Answer}"));
        Assert.Equal(MeetingOutcome.Met, detail.Groups[0].Outcome);
        Assert.Equal(["Ben 別府|NotYet", "Fay|"], detail.Groups[1].Members.Select(m => $"{m.Name}|{m.Answer}"));
        Assert.Null(await Figures.RoundAsync(SmallCommunity.Id, new RoundId("unknown"), Language.En, Ct));
    }

    [Fact]
    public async Task Network_finds_the_cluster_the_bridges_and_who_met_nobody()
    {
        var network = await Figures.NetworkAsync(SmallCommunity.Id, Language.En, Ct);

        Assert.Equal((4, 3), (network.ConnectedMembers, network.TotalConnections));
        Assert.Equal(["ann:2", "ben:2", "cat:1", "eve:1"], network.Nodes.Select(n => $"{n.Id}:{n.Connections}"));
        Assert.Equal(3, network.Edges.Count);
        var cluster = Assert.Single(network.Clusters);
        Assert.Equal((1, 4), (cluster.Number, cluster.Size));
        Assert.Equal(["Finance", "Design", "Law"], cluster.TopIndustries);

        // ben met Finance and Law, AI and Coffee; ann met Design and "finance" (one industry), all in AI.
        Assert.Equal(["ben:2+2", "ann:2+1", "cat:1+1", "eve:1+1"], network.Bridges.Select(b => $"{b.Id}:{b.Industries}+{b.InterestGroups}"));
        Assert.Equal(["dan", "fay"], network.NotMet.Select(m => m.Id.Value));
        Assert.Equal(SmallCommunity.Round1(Now), network.NotMet[0].LastRound);
        Assert.Equal(Now.AddDays(-10), network.NotMet[1].JoinedAt);
    }

    [Fact]
    public async Task Events_count_answers_the_waitlist_attendance_and_mutual_connects()
    {
        var events = await Figures.EventsAsync(SmallCommunity.Id, Ct);

        var pitch = Assert.Single(events, e => e.Id == SmallCommunity.Pitch);
        Assert.Equal((2, 1, 1, 1), (pitch.Going, pitch.Maybe, pitch.NotGoing, pitch.Waitlisted));
        Assert.Empty(pitch.Attendance);
        var lunch = Assert.Single(events, e => e.Id == SmallCommunity.Lunch);
        Assert.Equal((0, 0), (lunch.Going, lunch.Waitlisted));
        var occurrence = Assert.Single(lunch.Attendance);
        Assert.Equal((SmallCommunity.LunchOccurrence(Now), 3), (occurrence.Occurrence, occurrence.Attended));
        Assert.Equal(1, lunch.Connections); // ben and eve both pressed; ann alone does not count
    }

    [Fact]
    public async Task Interests_are_sized_largest_first()
    {
        var interests = await Figures.InterestsAsync(SmallCommunity.Id, Ct);

        Assert.Equal(["AI:3", "Coffee:1"], interests.Select(i => $"{i.Name}:{i.Members}"));
    }

    [Fact]
    public async Task Members_table_shows_each_members_activity_and_is_searchable_by_name_or_industry()
    {
        var all = await Figures.MembersAsync(SmallCommunity.Id, null, Ct);

        Assert.Equal(
            ["ann:2:2:False", "ben:2:2:False", "cat:1:1:False", "dan:0:0:True", "eve:0:1:False", "fay:0:0:False"],
            all.Select(m => $"{m.Id}:{m.Answers}:{m.Connections}:{m.Paused}"));
        Assert.Equal(SmallCommunity.Round2(Now), all.Single(m => m.Id.Value == "fay").LastRound);
        Assert.Null(all.Single(m => m.Id.Value == "eve").LastRound);
        Assert.Equal(["ann", "cat"], (await Figures.MembersAsync(SmallCommunity.Id, " FIN", Ct)).Select(m => m.Id.Value));
        Assert.Equal(["eve"], (await Figures.MembersAsync(SmallCommunity.Id, "江藤", Ct)).Select(m => m.Id.Value));
    }

    [Fact]
    public async Task Another_community_sees_none_of_these_figures()
    {
        var other = CommunityId.For("shell", "other");

        var overview = await Figures.OverviewAsync(other, Ct);

        Assert.Equal((0, 0, 0), (overview.Members.Value, overview.Rounds.Value, overview.NewConnections.Value));
        Assert.Empty(await Figures.MembersAsync(other, null, Ct));
        Assert.Empty((await Figures.NetworkAsync(other, Language.En, Ct)).Nodes);
    }

    private static void AssertFigure(double value, double[] trend, Figure figure)
    {
        Assert.Equal(value, figure.Value, 6);
        Assert.Equal(trend, figure.Trend.Select(p => Math.Round(p.Value, 6)));
    }
}
