using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Coffee;

/// <summary>
/// A scheduled round end to end on a fake clock — notice, round messages, nudge, check-in, connections, second
/// ask, summary — with the process restarted between every step, and each message delivered exactly once.
/// </summary>
public sealed class RoundLifecycleTests : CommandTestBase
{
    // Harness time starts Friday 2026-11-20 09:00 UTC (18:00 in Tokyo). Rounds: Mondays 10:00 Asia/Tokyo = 01:00 UTC.
    private static readonly DateTimeOffset FirstRound = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private async Task JoinEveryoneAsync(params string[] extra)
    {
        foreach (var (id, name) in extra.Select(e => (e.ToLowerInvariant(), e)))
        {
            await Harness.AddMemberAsync(id, name);
        }

        foreach (var id in new[] { "mana", "aiko", "ben" }.Concat(extra.Select(e => e.ToLowerInvariant())))
        {
            await Harness.TypeAsync(id, "/coffee join");
        }
    }

    private async Task<Reply> PressAsync(string member, ReplyButton button) =>
        await Harness.InvokeAsync(member, button.Action.Path, button.Action.Options.Select(o => (o.Key, o.Value)).ToArray());

    private void AssertEveryMessageDeliveredOnce() =>
        Assert.Equal(Harness.Platform.Delivered.Count, Harness.Platform.Delivered.Select(m => (m.Community, m.Key)).Distinct().Count());

    [Fact]
    public async Task A_scheduled_round_runs_its_whole_lifecycle_across_restarts()
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo");
        await JoinEveryoneAsync("Chen", "Dana", "Eli");
        var scheduled = await Harness.TypeAsync("mana", "/admin coffee schedule weekday:mon time:10:00");
        Assert.Contains("2026-11-23 10:00", string.Join('\n', scheduled.Fields.Select(f => f.Value)));
        Assert.Equal(0, await Harness.TickAsync());

        // The day before: one notice per available member, with a skip button; ticking again sends nothing new.
        Harness.Clock.SetUtcNow(FirstRound.AddHours(-23));
        Assert.Equal(1, await Harness.TickAsync());
        Harness.Restart();
        Assert.Equal(0, await Harness.TickAsync());
        var notices = Harness.Platform.Keyed("notice:").ToList();
        Assert.Equal(6, notices.Count);
        var eliNotice = notices.Single(n => n.Target.Members.Single() == new MemberId("eli"));
        Assert.Contains("2026-11-23 10:00 Asia/Tokyo", eliNotice.Reply.Text);
        await PressAsync("eli", eliNotice.Reply.Buttons.Single());

        // The round: Eli skipped, so five members make one pair and one trio; Eli's skip is used up.
        Harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));
        Harness.Restart();
        Assert.Equal(1, await Harness.TickAsync());
        Harness.Restart();
        Assert.Equal(0, await Harness.TickAsync());
        var round = Assert.Single(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, CancellationToken.None));
        Assert.Equal(RoundId.ForOccurrence(CommandHarness.Community, FirstRound), round.Round.Id);
        Assert.Equal(FirstRound.AddDays(7), round.Round.EndsAt);
        Assert.Equal([2, 3], round.Groups.Select(g => g.Members.Count).Order());
        Assert.DoesNotContain(round.Groups, g => g.Members.Contains(new MemberId("eli")));
        Assert.False((await Harness.MemberAsync("eli")).Coffee.SkipNext);
        var introductions = Harness.Platform.Keyed($"round:{round.Round.Id}:group:").ToList();
        Assert.Equal(2, introductions.Count);
        Assert.All(introductions, m => Assert.Equal(MessageTargetKind.Group, m.Target.Kind));

        // Nudge at 40% of the week, check-in at 70%.
        Harness.Clock.SetUtcNow(FirstRound.AddDays(3));
        Assert.Equal(1, await Harness.TickAsync());
        Assert.Equal(2, Harness.Platform.Keyed($"round:{round.Round.Id}:nudge:").Count());
        Harness.Restart();
        Harness.Clock.SetUtcNow(FirstRound.AddDays(5));
        Assert.Equal(1, await Harness.TickAsync());
        var checkIns = Harness.Platform.Keyed($"round:{round.Round.Id}:check-in:").ToList();
        Assert.Equal(2, checkIns.Count);

        // One group met, the other not yet.
        var pair = round.Groups.Single(g => g.Members.Count == 2);
        var trio = round.Groups.Single(g => g.Members.Count == 3);
        Reply CheckInOf(Group group) => checkIns.Single(m => m.Key.EndsWith(group.Id.Value, StringComparison.Ordinal)).Reply;
        var met = await PressAsync(pair.Members[0].Value, CheckInOf(pair).Buttons[0]);
        await PressAsync(trio.Members[0].Value, CheckInOf(trio).Buttons[1]);
        Assert.Contains("connected", met.Text);
        var connections = await Harness.TypeAsync(pair.Members[0].Value, "/connections");
        var other = await Harness.Store.GetMemberAsync(CommandHarness.Community, pair.Members[1], CancellationToken.None);
        Assert.Equal(other!.DisplayName, Assert.Single(connections.Fields).Name);

        // Second ask only to the "not yet" group; the same tick sends the notices for the next round.
        Harness.Restart();
        Harness.Clock.SetUtcNow(FirstRound.AddDays(6.5));
        Assert.Equal(2, await Harness.TickAsync());
        Assert.Equal(12, Harness.Platform.Keyed("notice:").Count());
        var reask = Assert.Single(Harness.Platform.Keyed($"round:{round.Round.Id}:re-ask:"));
        Assert.EndsWith(trio.Id.Value, reask.Key);

        // A week later: the round closes with a summary to the manager, and the next round starts.
        Harness.Restart();
        Harness.Clock.SetUtcNow(FirstRound.AddDays(7).AddMinutes(1));
        Assert.Equal(2, await Harness.TickAsync());
        var summary = Assert.Single(Harness.Platform.Keyed($"summary:{round.Round.Id}"));
        Assert.Equal([new MemberId("mana")], summary.Target.Members);
        Assert.Contains("5 members in 2 groups; 1 groups met (50%); 1 new connections", summary.Reply.Text);
        Assert.Equal(2, (await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, CancellationToken.None)).Count);
        Harness.Restart();
        Assert.Equal(0, await Harness.TickAsync());
        AssertEveryMessageDeliveredOnce();
    }

    [Fact]
    public async Task A_round_saved_just_before_a_crash_is_not_run_again()
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo");
        await JoinEveryoneAsync("Chen");
        await Harness.TypeAsync("mana", "/admin coffee schedule weekday:mon time:10:00");
        Harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));

        // The crash: the round and its messages were stored, the schedule was not updated yet.
        var id = RoundId.ForOccurrence(CommandHarness.Community, FirstRound);
        await Harness.Get<CoffeeRounds>().RunAsync(CommandHarness.Community, RoundSettings.Default, 1, CancellationToken.None, id, FirstRound.AddDays(7));
        Harness.Restart();
        await Harness.TickAsync();

        Assert.Single(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, CancellationToken.None));
        Assert.Equal(2, Harness.Platform.Keyed("round:").Count());
        AssertEveryMessageDeliveredOnce();
    }

    [Fact]
    public async Task Managers_are_told_in_plain_words_when_a_scheduled_round_cannot_be_made()
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo");
        await Harness.TypeAsync("aiko", "/coffee join");
        await Harness.TypeAsync("mana", "/admin coffee schedule weekday:mon time:10:00");

        Harness.Clock.SetUtcNow(FirstRound.AddMinutes(1));
        await Harness.TickAsync();
        Harness.Restart();
        await Harness.TickAsync();

        Assert.Empty(await Harness.Store.ListRoundsAsync(CommandHarness.Community, 10, CancellationToken.None));
        var told = Assert.Single(Harness.Platform.Keyed("round-failed:"));
        Assert.Equal([new MemberId("mana")], told.Target.Members);
        Assert.Contains("could not be made: only 1 members are available", told.Reply.Text);
        Assert.Equal(FirstRound, (await Harness.Store.GetScheduleAsync(CommandHarness.Community, CancellationToken.None))!.LastRoundFor);
    }

    [Fact]
    public async Task A_member_silent_for_three_rounds_is_paused_and_told_how_to_come_back()
    {
        await JoinEveryoneAsync();
        await Harness.TypeAsync("mana", "/coffee leave");
        for (var i = 0; i < RoundScheduler.PauseAfterMissedRounds; i++)
        {
            Assert.False((await Harness.TypeAsync("mana", "/admin coffee run-now")).IsError);
            var group = Assert.Single((await Harness.Store.ListRoundsAsync(CommandHarness.Community, 1, CancellationToken.None))[0].Groups);
            await Harness.InvokeAsync("aiko", "coffee met", ("group", group.Id.Value), ("answer", "no"));
            Harness.Clock.Advance(TimeSpan.FromDays(7));
            await Harness.TickAsync();
        }

        var ben = await Harness.MemberAsync("ben");
        Assert.False(ben.Coffee.IsAvailableOn(DateOnly.FromDateTime(Harness.Clock.GetUtcNow().UtcDateTime)));
        Assert.Equal(0, (await Harness.MemberAsync("aiko")).Coffee.MissedRounds);
        var told = Assert.Single(Harness.Platform.Keyed("paused:"));
        Assert.Equal([new MemberId("ben")], told.Target.Members);
        Assert.Contains("/coffee join", told.Reply.Text);
        Assert.Contains(Harness.Platform.Keyed("summary:"), m => m.Reply.Text.Contains("Ben Okafor", StringComparison.Ordinal));

        Assert.Contains("recent rounds went unanswered", (await Harness.TypeAsync("ben", "/coffee status")).Text);
        await Harness.TypeAsync("ben", "/coffee join");
        Assert.True((await Harness.MemberAsync("ben")).Coffee.IsAvailableOn(DateOnly.FromDateTime(Harness.Clock.GetUtcNow().UtcDateTime)));
    }

    [Fact]
    public async Task Late_joiners_are_added_to_a_group_until_check_in_starts()
    {
        await JoinEveryoneAsync("Chen");
        await Harness.TypeAsync("mana", "/admin coffee run-now");
        await Harness.AddMemberAsync("dana", "Dana");
        await Harness.AddMemberAsync("eli", "Eli");

        var joined = await Harness.TypeAsync("dana", "/coffee join");
        await Harness.TickAsync();
        Harness.Clock.Advance(TimeSpan.FromDays(5));
        await Harness.TickAsync();
        var tooLate = await Harness.TypeAsync("eli", "/coffee join");

        Assert.Contains("added to a group", joined.Text);
        Assert.DoesNotContain("added to a group", tooLate.Text);
        var groups = (await Harness.Store.ListRoundsAsync(CommandHarness.Community, 1, CancellationToken.None))[0].Groups;
        Assert.Single(groups, g => g.Members.Contains(new MemberId("dana")));
        Assert.DoesNotContain(groups, g => g.Members.Contains(new MemberId("eli")));
        var welcome = Assert.Single(Harness.Platform.Keyed("round:"), m => m.Key.Contains(":late:", StringComparison.Ordinal));
        Assert.Contains(new MemberId("dana"), welcome.Target.Members);
        Assert.StartsWith("Welcome to the group, Dana!", welcome.Reply.Text);
        Assert.Matches("^You're in! .* added to a group with [^,]+( and [^,]+|(, [^,]+)+ and [^,]+)\\.$", joined.Text);
    }

    [Fact]
    public async Task Answers_from_outside_the_group_or_after_the_round_are_refused()
    {
        await JoinEveryoneAsync("Chen");
        await Harness.TypeAsync("mana", "/admin coffee run-now");
        var groups = (await Harness.Store.ListRoundsAsync(CommandHarness.Community, 1, CancellationToken.None))[0].Groups;
        var group = groups[0];
        var outsider = groups[1].Members[0].Value;

        var notMine = await Harness.InvokeAsync(outsider, "coffee met", ("group", group.Id.Value), ("answer", "yes"));
        var unknown = await Harness.InvokeAsync(outsider, "coffee met", ("group", "no-such-group"), ("answer", "yes"));
        Harness.Clock.Advance(TimeSpan.FromDays(8));
        await Harness.TickAsync();
        var over = await Harness.InvokeAsync(group.Members[0].Value, "coffee met", ("group", group.Id.Value), ("answer", "yes"));

        Assert.Contains("another group", notMine.Text);
        Assert.Contains("another group", unknown.Text);
        Assert.Contains("round is over", over.Text);
        Assert.Empty(await Harness.Store.ListConnectionsAsync(CommandHarness.Community, group.Members[0], CancellationToken.None));
    }
}
